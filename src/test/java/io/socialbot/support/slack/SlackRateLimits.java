package io.socialbot.support.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The stub's Slack rate limits: 429s per method and channel, refused again when a call comes before Retry-After. */
final class SlackRateLimits {

    private final Map<String, Instant> waitUntil = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedDeque<Long>> limits = new ConcurrentHashMap<>();
    private final AtomicInteger early = new AtomicInteger();
    private final AtomicLong posts = new AtomicLong();
    private volatile Clock clock = Clock.systemUTC();
    private volatile int limitEvery;
    private volatile long limitEverySeconds;

    /** The clock by which {@code Retry-After} is enforced. */
    void clock(Clock clock) {
        this.clock = clock;
    }

    /** Now, by that clock. */
    Instant now() {
        return clock.instant();
    }

    /** The next {@code method} call is answered 429 with {@code Retry-After: seconds}. */
    void next(String method, long seconds) {
        limits.computeIfAbsent(method, m -> new ConcurrentLinkedDeque<>()).add(seconds);
    }

    /** Every {@code n}th chat.postMessage is answered 429 with {@code Retry-After: seconds} (a storm). */
    void every(int n, long seconds) {
        this.limitEverySeconds = seconds;
        this.limitEvery = n;
    }

    /** Calls made before an earlier Retry-After had passed (each answered 429 again). */
    int tooEarly() {
        return early.get();
    }

    /** A 429 for this call, or null: per method and channel, and a call before Retry-After passed is refused again. */
    SlackApiStub.Answer check(String method, SlackApiStub.Call call) {
        // only Web API methods have form bodies with a channel (a file upload's body is bytes)
        boolean webApi = method.startsWith("chat.") || method.startsWith("conversations.") || method.startsWith("views.");
        String scope = method + "|" + (webApi ? call.param("channel") : "");
        Instant now = clock.instant();
        Instant until = waitUntil.get(scope);
        if (until != null && now.isBefore(until)) {
            early.incrementAndGet();
            return SlackApiStub.Answer.rateLimited((int) Math.max(1, Duration.between(now, until).toSeconds()));
        }
        Long seconds = limits.containsKey(method) ? limits.get(method).poll() : null;
        if (seconds == null && limitEvery > 0 && method.equals("chat.postMessage")
                && posts.incrementAndGet() % limitEvery == 0) {
            seconds = limitEverySeconds;
        }
        if (seconds == null) {
            return null;
        }
        waitUntil.put(scope, now.plusSeconds(seconds));
        return SlackApiStub.Answer.rateLimited(seconds.intValue());
    }
}
