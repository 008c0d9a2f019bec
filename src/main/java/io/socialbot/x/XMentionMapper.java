package io.socialbot.x;

import io.socialbot.mention.Mention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import twitter4j.JSONArray;
import twitter4j.JSONObject;
import twitter4j.Tweet;
import twitter4j.TweetsResponse;
import twitter4j.User2;

/**
 * Maps a mentions page to {@link Mention}s, reading from X's raw JSON what the v2 add-on leaves out: a long post's
 * full text ({@code note_tweet.text}), the author's {@code verified_type}, and a retweet's original from
 * {@code includes.tweets} (X truncates the retweet's own text).
 */
final class XMentionMapper {

    static final String SOURCE = "twitter";
    // Twitter epoch of snowflake ids: a fallback creation time when created_at is missing.
    static final long TWEPOCH_MILLIS = 1288834974657L;
    private static final Pattern RETWEET_PREFIX = Pattern.compile("^(RT @\\w{1,15}: )");

    private XMentionMapper() {
    }

    /** The creation time a snowflake id carries. */
    static Instant timeOf(long snowflake) {
        return Instant.ofEpochMilli((snowflake >> 22) + TWEPOCH_MILLIS);
    }

    /** @param raw the page's JSON as X sent it, or null when not kept (then only the add-on's fields are used) */
    static List<Mention> toMentions(TweetsResponse page, JSONObject raw) {
        Map<String, String> fullText = new HashMap<>();
        Map<String, String> verifiedType = new HashMap<>();
        if (raw != null) {
            collectText(raw.optJSONArray("data"), fullText);
            JSONObject includes = raw.optJSONObject("includes");
            if (includes != null) {
                collectText(includes.optJSONArray("tweets"), fullText);
                JSONArray users = includes.optJSONArray("users");
                for (int i = 0; users != null && i < users.length(); i++) {
                    JSONObject u = users.optJSONObject(i);
                    if (u != null && u.has("verified_type")) {
                        verifiedType.put(u.optString("id"), u.optString("verified_type"));
                    }
                }
            }
        }
        Map<Long, User2> users = page.getUsersMap();
        List<Mention> out = new ArrayList<>(page.getTweets().size());
        for (Tweet t : page.getTweets()) {
            User2 user = t.getAuthorId() == null ? null : users.get(t.getAuthorId());
            out.add(toMention(t, user, text(t, fullText), user == null ? null
                    : verifiedType.get(Long.toString(user.getId()))));
        }
        return out;
    }

    private static void collectText(JSONArray tweets, Map<String, String> into) {
        for (int i = 0; tweets != null && i < tweets.length(); i++) {
            JSONObject t = tweets.optJSONObject(i);
            if (t == null) {
                continue;
            }
            JSONObject note = t.optJSONObject("note_tweet");
            String text = note != null && note.has("text") ? note.optString("text") : t.optString("text", null);
            if (text != null) {
                into.put(t.optString("id"), text);
            }
        }
    }

    /** The post's full text; for a retweet, "RT @user: " and the original's full text when X included it. */
    private static String text(Tweet t, Map<String, String> fullText) {
        String own = fullText.getOrDefault(Long.toString(t.getId()), t.getText());
        if (t.getRetweetId() != null) {
            String original = fullText.get(t.getRetweetId().toString());
            Matcher prefix = RETWEET_PREFIX.matcher(own);
            if (original != null && prefix.find()) {
                return prefix.group(1) + original;
            }
        }
        return own;
    }

    static Mention toMention(Tweet t, User2 user, String text, String verifiedType) {
        String id = Long.toString(t.getId());
        Instant createdAt = t.getCreatedAt() != null ? t.getCreatedAt().toInstant() : timeOf(t.getId());
        Mention.Author author;
        String url;
        if (user != null) {
            long followers = user.getPublicMetrics() == null ? 0 : user.getPublicMetrics().getFollowersCount();
            author = new Mention.Author(Long.toString(user.getId()), user.getScreenName(), user.getName(),
                    followers, user.getVerified(), verifiedType);
            url = "https://twitter.com/" + user.getScreenName() + "/status/" + id;
        } else {
            // The expansion can omit a user (suspended meanwhile): keep the mention, say who we know.
            String authorId = t.getAuthorId() == null ? "unknown" : t.getAuthorId().toString();
            author = new Mention.Author(authorId, "i", null, 0, false);
            url = "https://twitter.com/i/web/status/" + id;
        }
        Mention.Metrics metrics = t.getPublicMetrics() == null ? Mention.Metrics.NONE
                : new Mention.Metrics(t.getPublicMetrics().getRetweetCount(), t.getPublicMetrics().getLikeCount());
        return new Mention(id, SOURCE, createdAt, text, author, url, t.getLang(),
                t.getRetweetId() == null ? null : t.getRetweetId().toString(),
                t.getRepliedToTweetId() == null ? null : t.getRepliedToTweetId().toString(),
                metrics);
    }
}
