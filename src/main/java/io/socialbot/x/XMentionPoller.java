package io.socialbot.x;

import io.micrometer.core.instrument.MeterRegistry;
import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionStore;
import io.socialbot.platform.ops.OpsAlerts;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import io.socialbot.platform.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import twitter4j.ErrorInfo;
import twitter4j.JSONException;
import twitter4j.JSONObject;
import twitter4j.PaginationToken;
import twitter4j.RateLimitStatus;
import twitter4j.TweetsResponse;
import twitter4j.TwitterException;
import twitter4j.TwitterObjectFactory;
import twitter4j.TwitterV2;

/** Polls the brand's mentions (GET /2/users/:id/mentions) into the mention store, one replica at a time. */
final class XMentionPoller {

    static final String SOURCE = XMentionMapper.SOURCE;
    static final String EXPANSIONS = "author_id,referenced_tweets.id";
    static final String TWEET_FIELDS = "created_at,lang,public_metrics,referenced_tweets,in_reply_to_user_id,"
            + "conversation_id,author_id,note_tweet";
    static final String USER_FIELDS = "public_metrics,verified,verified_type";
    /** X serves only this many of the most recent mentions; older ones cannot be fetched at all. */
    static final int MENTION_WINDOW = 800;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(XMentionPoller.class);

    private final TwitterV2 x;
    private final MentionStore store;
    private final UnifiedJedis redis;
    private final String checkpointKey;
    private final String pagingKey;
    private final RedisLease lease;
    private final RedisPace pace;
    private final long brandUserId;
    private final int pageSize;
    private final RetryPolicy retry;
    private final Clock clock;
    private final MeterRegistry meters;
    private final OpsAlerts ops;

    private static final RedisScript COMPLETE = new RedisScript("""
            if ARGV[1] ~= '' then redis.call('SET', KEYS[1], ARGV[1]) end
            redis.call('DEL', KEYS[2])
            return 1""");

    XMentionPoller(TwitterV2 x, MentionStore store, UnifiedJedis redis, RedisKeys keys, XProperties props,
            Clock clock, MeterRegistry meters, OpsAlerts ops) {
        this.x = x;
        this.store = store;
        this.redis = redis;
        String brand = props.brandUserId().strip();
        this.checkpointKey = keys.key("x", "mentions", brand, "since_id");
        this.pagingKey = keys.key("x", "mentions", brand, "paging");
        this.lease = new RedisLease(redis, keys.key("x", "mentions", brand, "lease"), leaseTtl(props));
        // Beside the lease: whoever holds it next waits for the same reset and goes on with the same backoff.
        this.pace = new RedisPace(redis, keys.key("x", "mentions", brand, "pace"));
        this.brandUserId = Long.parseLong(brand);
        this.pageSize = props.pageSize();
        this.retry = retryPolicy(props.pollInterval());
        this.clock = clock;
        this.meters = meters;
        this.ops = ops;
    }

    /** What one poll did. */
    sealed interface PollOutcome {
    }

    /** Another replica holds the lease. */
    record NotLeader() implements PollOutcome {
    }

    /** Waiting for a rate-limit reset or a backoff to pass; {@code failures} in a row led to it (0: a limit). */
    record BackingOff(Instant until, String reason, int failures) implements PollOutcome {
    }

    /** Pages fetched and stored; {@code sinceId} is the checkpoint after the poll. */
    record Polled(int pages, int fetched, int accepted, String sinceId) implements PollOutcome {
    }

    /** The API refused or failed; nothing checkpointed, next try not before {@code retryAt}. */
    record Failed(int status, Instant retryAt, String reason) implements PollOutcome {
    }

    synchronized PollOutcome pollOnce() {
        Instant now = clock.instant();
        // Renewed even while waiting: a backing-off holder keeps the lease, so the wait is not lost by a handover.
        if (!lease.acquireOrRenew()) {
            return new NotLeader();
        }
        RedisPace.Wait wait = pace.current();
        if (wait.holds(now)) {
            return new BackingOff(wait.until(), wait.reason(), wait.failures());
        }
        String sinceId = redis.get(checkpointKey);
        String since = sinceId == null ? "" : sinceId;
        String newest = null;
        String token = null;
        long oldest = Long.MAX_VALUE;
        int fetched = 0;
        Map<String, String> paging = redis.hgetAll(pagingKey);
        if (!paging.isEmpty() && since.equals(paging.get("since"))) {
            // An earlier poll stopped mid-pagination (rate limit, crash): go on from its next page.
            newest = emptyToNull(paging.get("newest"));
            token = emptyToNull(paging.get("token"));
            oldest = Long.parseLong(paging.getOrDefault("oldest", Long.toString(Long.MAX_VALUE)));
            fetched = Integer.parseInt(paging.getOrDefault("fetched", "0"));
        }
        boolean resumed = token != null;
        int pages = 0;
        int fetchedNow = 0;
        int accepted = 0;
        try {
            do {
                TweetsResponse page = x.getUserMentions(brandUserId, null, EXPANSIONS, pageSize, null,
                        token == null ? null : new PaginationToken(token), null, null,
                        sinceId == null ? null : Long.valueOf(sinceId), null, TWEET_FIELDS, null, USER_FIELDS);
                pages++;
                if (page.getTweets().isEmpty() && !page.getErrors().isEmpty()) {
                    return errorsOnly(page.getErrors(), now);
                }
                List<Mention> mentions = XMentionMapper.toMentions(page, rawJson(page));
                fetchedNow += mentions.size();
                for (Mention m : mentions) {
                    oldest = Math.min(oldest, Long.parseLong(m.id()));
                }
                if (!mentions.isEmpty()) {
                    int added = (int) store.acceptAll(mentions).stream()
                            .filter(r -> r instanceof MentionStore.Accepted).count();
                    accepted += added;
                    count("accepted", added);
                    count("duplicate", mentions.size() - added);
                }
                if (!page.getErrors().isEmpty()) {
                    // Data with errors beside it (e.g. a suspended author's user object): kept, and said.
                    log.info("X mentions: page came with {} partial errors, first: {}", page.getErrors().size(),
                            detail(page.getErrors().get(0)));
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
                            "token", token, "oldest", Long.toString(oldest),
                            "fetched", Integer.toString(fetched + fetchedNow)));
                    if (exhausted(page.getRateLimitStatus())) {
                        RedisPace.Wait limit = pace.current();
                        log.info("X mentions: rate limit used up after {} pages; resuming from the saved page "
                                + "at {}", pages, limit.until());
                        return new BackingOff(limit.until(), limit.reason(), 0);
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
        fetched += fetchedNow;
        if (sinceId != null && fetched >= MENTION_WINDOW && oldest != Long.MAX_VALUE
                && oldest > Long.parseLong(sinceId)) {
            reportGap(Long.parseLong(sinceId), oldest, fetched);
        }
        String advance = newest != null && (sinceId == null || Long.parseLong(newest) > Long.parseLong(sinceId))
                ? newest : "";
        // Only after every page was accepted by the store: a crash before this line repeats, never misses.
        COMPLETE.run(redis, List.of(checkpointKey, pagingKey), List.of(advance));
        if (!advance.isEmpty()) {
            sinceId = advance;
        }
        pace.succeeded();
        if (fetchedNow > 0) {
            log.info("X mentions: {} fetched in {} pages, {} new", fetchedNow, pages, accepted);
        }
        return new Polled(pages, fetchedNow, accepted, sinceId);
    }

    /** After failures in a row: the poll interval doubling up to 15 minutes, for as long as X keeps failing. */
    static RetryPolicy retryPolicy(Duration pollInterval) {
        Duration first = pollInterval.compareTo(MAX_BACKOFF) < 0 ? pollInterval : MAX_BACKOFF;
        return new RetryPolicy(Integer.MAX_VALUE, first, MAX_BACKOFF);
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

    /**
     * X had no older page, yet the oldest mention it served is newer than the checkpoint and the window is full:
     * mentions between the two may be beyond X's 800 and lost to the bot.
     */
    private void reportGap(long checkpoint, long oldestServed, int fetched) {
        Instant from = XMentionMapper.timeOf(checkpoint);
        Instant to = XMentionMapper.timeOf(oldestServed);
        Duration span = Duration.between(from, to);
        meters.counter("socialbot.x.mention.gaps").increment();
        meters.summary("socialbot.x.mention.gap.seconds").record(Math.max(0, span.toSeconds()));
        ops.alert("X mentions: X serves only its " + MENTION_WINDOW + " most recent mentions and this poll read "
                + fetched + " without reaching the last checkpoint, so mentions posted between " + from + " and "
                + to + " (" + span.toMinutes() + " min) may be missing. Search X for that span to find them.");
    }

    private void count(String result, int n) {
        if (n > 0) {
            meters.counter("socialbot.mentions.in", "channel", "x", "result", result).increment(n);
        }
    }

    private boolean exhausted(RateLimitStatus status) {
        if (status != null && status.getRemaining() <= 0) {
            pace.waitUntil(Instant.ofEpochSecond(status.getResetTimeInSeconds()), "rate limit used up");
            return true;
        }
        return false;
    }

    /** A 200 with only {@code errors[]} (an unknown brand user id, say): a failure, with X's words. */
    private PollOutcome errorsOnly(List<ErrorInfo> errors, Instant now) {
        String reason = "X answered with errors only: " + detail(errors.get(0))
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        return backOff(200, reason, now);
    }

    private PollOutcome failed(TwitterException e, Instant now) {
        int status = e.getStatusCode();
        if (status == 429) {
            RateLimitStatus rl = e.getRateLimitStatus();
            Instant until = pace.waitUntil(rl != null ? Instant.ofEpochSecond(rl.getResetTimeInSeconds())
                    : now.plus(MAX_BACKOFF), "rate limited (429)");
            log.warn("X mentions: rate limited (429); next poll at {}", until);
            return new Failed(status, until, "rate limited");
        }
        String reason = e.isCausedByNetworkIssue() ? "network error: " + e.getCause()
                : status == 401 || status == 403 ? "authentication refused: an admin must check the X credentials ("
                + XProblem.of(e).words() + ")"
                : "HTTP " + status + ": " + XProblem.of(e).words();
        return backOff(status, reason, now);
    }

    private PollOutcome backOff(int status, String reason, Instant now) {
        int failures = pace.failed(); // kept in Redis beside the lease: a new leader goes on with the same wait
        Instant until = pace.waitUntil(now.plus(retry.backoff(failures)), reason);
        log.warn("X mentions: {} (failure {} in a row); next poll at {}", reason, failures, until);
        return new Failed(status, until, reason);
    }

    private static String detail(ErrorInfo e) {
        String text = e.getDetail() != null ? e.getDetail() : e.getTitle();
        String type = e.getType() == null ? "" : e.getType();
        return type.startsWith(XProblem.TYPE_PREFIX) ? text + " (" + type.substring(XProblem.TYPE_PREFIX.length())
                + ")" : String.valueOf(text);
    }

    private static JSONObject rawJson(TweetsResponse page) {
        String raw = TwitterObjectFactory.getRawJSON(page);
        if (raw == null) {
            return null;
        }
        try {
            return new JSONObject(raw);
        } catch (JSONException e) {
            return null;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
