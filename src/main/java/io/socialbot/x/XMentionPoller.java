package io.socialbot.x;

import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionStore;
import io.socialbot.platform.redis.RedisKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import twitter4j.PaginationToken;
import twitter4j.RateLimitStatus;
import twitter4j.Tweet;
import twitter4j.TweetsResponse;
import twitter4j.TwitterException;
import twitter4j.TwitterV2;
import twitter4j.User2;

/** Polls the brand's mentions (GET /2/users/:id/mentions) into the mention store, one replica at a time. */
final class XMentionPoller {

    static final String SOURCE = "twitter";
    static final String EXPANSIONS = "author_id,referenced_tweets.id";
    static final String TWEET_FIELDS =
            "created_at,lang,public_metrics,referenced_tweets,in_reply_to_user_id,conversation_id,author_id";
    static final String USER_FIELDS = "public_metrics,verified";
    // Twitter epoch of snowflake ids: a fallback creation time when created_at is missing.
    private static final long TWEPOCH_MILLIS = 1288834974657L;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(XMentionPoller.class);

    private final TwitterV2 x;
    private final MentionStore store;
    private final UnifiedJedis redis;
    private final String checkpointKey;
    private final String pagingKey;
    private final RedisLease lease;
    private final long brandUserId;
    private final int pageSize;
    private final Duration pollInterval;
    private final Clock clock;

    private static final String COMPLETE = """
            if ARGV[1] ~= '' then redis.call('SET', KEYS[1], ARGV[1]) end
            redis.call('DEL', KEYS[2])
            return 1""";

    private Instant notBefore = Instant.EPOCH;
    private int consecutiveFailures;

    XMentionPoller(TwitterV2 x, MentionStore store, UnifiedJedis redis, RedisKeys keys, XProperties props,
            Clock clock) {
        this.x = x;
        this.store = store;
        this.redis = redis;
        this.checkpointKey = keys.key("x", "mentions", props.brandUserId().strip(), "since_id");
        this.pagingKey = keys.key("x", "mentions", props.brandUserId().strip(), "paging");
        this.lease = new RedisLease(redis, keys.key("x", "mentions", props.brandUserId().strip(), "lease"),
                leaseTtl(props));
        this.brandUserId = Long.parseLong(props.brandUserId().strip());
        this.pageSize = props.pageSize();
        this.pollInterval = props.pollInterval();
        this.clock = clock;
    }

    /** What one poll did. */
    sealed interface PollOutcome {
    }

    /** Another replica holds the lease. */
    record NotLeader() implements PollOutcome {
    }

    /** Waiting for a rate-limit reset or a network backoff to pass. */
    record BackingOff(Instant until) implements PollOutcome {
    }

    /** Pages fetched and stored; {@code sinceId} is the checkpoint after the poll. */
    record Polled(int pages, int fetched, int accepted, String sinceId) implements PollOutcome {
    }

    /** The API refused or failed; nothing checkpointed, next try not before {@code retryAt}. */
    record Failed(int status, Instant retryAt, String reason) implements PollOutcome {
    }

    synchronized PollOutcome pollOnce() {
        Instant now = clock.instant();
        if (now.isBefore(notBefore)) {
            return new BackingOff(notBefore);
        }
        if (!lease.acquireOrRenew()) {
            return new NotLeader();
        }
        String sinceId = redis.get(checkpointKey);
        String since = sinceId == null ? "" : sinceId;
        String newest = null;
        String token = null;
        Map<String, String> paging = redis.hgetAll(pagingKey);
        if (!paging.isEmpty() && since.equals(paging.get("since"))) {
            // An earlier poll stopped mid-pagination (rate limit, crash): go on from its next page.
            newest = emptyToNull(paging.get("newest"));
            token = emptyToNull(paging.get("token"));
        }
        boolean resumed = token != null;
        int pages = 0;
        int fetched = 0;
        int accepted = 0;
        try {
            do {
                TweetsResponse page = x.getUserMentions(brandUserId, null, EXPANSIONS, pageSize, null,
                        token == null ? null : new PaginationToken(token), null, null,
                        sinceId == null ? null : Long.valueOf(sinceId), null, TWEET_FIELDS, null, USER_FIELDS);
                pages++;
                List<Mention> mentions = toMentions(page);
                fetched += mentions.size();
                if (!mentions.isEmpty()) {
                    accepted += (int) store.acceptAll(mentions).stream()
                            .filter(r -> r instanceof MentionStore.Accepted).count();
                }
                if (newest == null && page.getMeta() != null && page.getMeta().getNewestId() != null) {
                    // Results come newest first: the first page's newest_id is the next since_id.
                    newest = page.getMeta().getNewestId().toString();
                }
                token = page.getMeta() == null || page.getMeta().getNextToken() == null
                        ? null : page.getMeta().getNextToken().getValue();
                if (token != null) {
                    // Saved only after the store took the page: a crash re-reads at most this page's successor.
                    redis.hset(pagingKey, Map.of("since", since, "newest", newest == null ? "" : newest,
                            "token", token));
                    if (exhausted(page.getRateLimitStatus())) {
                        log.info("X mentions: rate limit used up after {} pages; resuming from the saved page "
                                + "at {}", pages, notBefore);
                        return new BackingOff(notBefore);
                    }
                } else {
                    exhausted(page.getRateLimitStatus());
                }
                lease.acquireOrRenew();
            } while (token != null);
        } catch (TwitterException e) {
            if (resumed && e.getStatusCode() == 400) {
                // A saved pagination token X no longer takes: start over from since_id (the store dedupes).
                redis.del(pagingKey);
            }
            return failed(e, now);
        }
        String advance = newest != null && (sinceId == null || Long.parseLong(newest) > Long.parseLong(sinceId))
                ? newest : "";
        // Only after every page was accepted by the store: a crash before this line repeats, never misses.
        redis.eval(COMPLETE, List.of(checkpointKey, pagingKey), List.of(advance));
        if (!advance.isEmpty()) {
            sinceId = advance;
        }
        consecutiveFailures = 0;
        if (fetched > 0) {
            log.info("X mentions: {} fetched in {} pages, {} new", fetched, pages, accepted);
        }
        return new Polled(pages, fetched, accepted, sinceId);
    }

    // The lease must outlive the pause between polls, or leadership would change hands every cycle.
    static Duration leaseTtl(XProperties props) {
        Duration twoIntervals = props.pollInterval().multipliedBy(2);
        return props.leaseTtl().compareTo(twoIntervals) >= 0 ? props.leaseTtl() : twoIntervals;
    }

    /** Gives up the lease so another replica takes over at once (on shutdown). */
    void release() {
        lease.release();
    }

    private boolean exhausted(RateLimitStatus status) {
        if (status != null && status.getRemaining() <= 0) {
            notBefore = Instant.ofEpochSecond(status.getResetTimeInSeconds());
            return true;
        }
        return false;
    }

    private PollOutcome failed(TwitterException e, Instant now) {
        int status = e.getStatusCode();
        if (status == 429) {
            RateLimitStatus rl = e.getRateLimitStatus();
            notBefore = rl != null ? Instant.ofEpochSecond(rl.getResetTimeInSeconds()) : now.plus(MAX_BACKOFF);
            log.warn("X mentions: rate limited (429); next poll at {}", notBefore);
            return new Failed(status, notBefore, "rate limited");
        }
        consecutiveFailures++;
        Duration wait = pollInterval.multipliedBy(1L << Math.min(consecutiveFailures - 1, 10));
        if (wait.compareTo(MAX_BACKOFF) > 0) {
            wait = MAX_BACKOFF;
        }
        notBefore = now.plus(wait);
        String reason = e.isCausedByNetworkIssue() ? "network error: " + e.getCause()
                : status == 401 || status == 403 ? "authentication refused: an admin must check the X credentials"
                : "HTTP " + status;
        log.warn("X mentions: {} (failure {} in a row); next poll at {}", reason, consecutiveFailures, notBefore);
        return new Failed(status, notBefore, reason);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static List<Mention> toMentions(TweetsResponse page) {
        Map<Long, User2> users = page.getUsersMap();
        List<Mention> out = new ArrayList<>(page.getTweets().size());
        for (Tweet t : page.getTweets()) {
            out.add(toMention(t, t.getAuthorId() == null ? null : users.get(t.getAuthorId())));
        }
        return out;
    }

    static Mention toMention(Tweet t, User2 user) {
        String id = Long.toString(t.getId());
        Instant createdAt = t.getCreatedAt() != null ? t.getCreatedAt().toInstant()
                : Instant.ofEpochMilli((t.getId() >> 22) + TWEPOCH_MILLIS);
        Mention.Author author;
        String url;
        if (user != null) {
            long followers = user.getPublicMetrics() == null ? 0 : user.getPublicMetrics().getFollowersCount();
            author = new Mention.Author(Long.toString(user.getId()), user.getScreenName(), user.getName(),
                    followers, user.getVerified());
            url = "https://twitter.com/" + user.getScreenName() + "/status/" + id;
        } else {
            // The expansion can omit a user (suspended meanwhile): keep the mention, say who we know.
            String authorId = t.getAuthorId() == null ? "unknown" : t.getAuthorId().toString();
            author = new Mention.Author(authorId, "i", null, 0, false);
            url = "https://twitter.com/i/web/status/" + id;
        }
        Mention.Metrics metrics = t.getPublicMetrics() == null ? Mention.Metrics.NONE
                : new Mention.Metrics(t.getPublicMetrics().getRetweetCount(), t.getPublicMetrics().getLikeCount());
        return new Mention(id, SOURCE, createdAt, t.getText(), author, url, t.getLang(),
                t.getRetweetId() == null ? null : t.getRetweetId().toString(),
                t.getRepliedToTweetId() == null ? null : t.getRepliedToTweetId().toString(),
                metrics);
    }
}
