package io.socialbot.x;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** Records each reply's intent before it is sent and its result after, keyed by the idempotency key. */
final class RedisReplyLedger {

    // Atomic claim: a free or failed key becomes SENDING for us; otherwise return what is recorded.
    private static final RedisScript CLAIM = new RedisScript("""
            local state = redis.call('HGET', KEYS[1], 'state')
            if state == 'SENDING' or state == 'SENT' then
              return {state, redis.call('HGET', KEYS[1], 'attempt_at') or '', redis.call('HGET', KEYS[1], 'post_id') or ''}
            end
            redis.call('HSET', KEYS[1], 'state', 'SENDING', 'attempt_at', ARGV[1], 'in_reply_to', ARGV[2])
            redis.call('HDEL', KEYS[1], 'post_id')
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return {'CLAIMED', ARGV[1], ''}""");

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Duration retention;

    RedisReplyLedger(UnifiedJedis redis, RedisKeys keys, Duration retention) {
        this.redis = redis;
        this.keys = keys;
        this.retention = retention;
    }

    /** What the ledger held when we tried to claim a key. */
    sealed interface Claim {
    }

    /** The key is ours to send now. */
    record Claimed() implements Claim {
    }

    /** An attempt started at {@code attemptAt} and its result was never recorded. */
    record InFlight(Instant attemptAt) implements Claim {
    }

    /** Already posted. */
    record AlreadySent(String postId) implements Claim {
    }

    Claim claim(String idempotencyKey, String inReplyTo, Instant now) {
        Object raw = CLAIM.run(redis, List.of(key(idempotencyKey)),
                List.of(Long.toString(now.toEpochMilli()), inReplyTo, Long.toString(retention.toMillis())));
        List<?> result = (List<?>) raw;
        String state = (String) result.get(0);
        if ("SENT".equals(state)) {
            return new AlreadySent((String) result.get(2));
        }
        if ("SENDING".equals(state)) {
            String at = (String) result.get(1);
            return new InFlight(at.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(at)));
        }
        return new Claimed();
    }

    void sent(String idempotencyKey, String postId) {
        redis.hset(key(idempotencyKey), java.util.Map.of("state", "SENT", "post_id", postId));
    }

    /** Definitely not posted: a later retry with the same key may send again. */
    void failed(String idempotencyKey, String kind) {
        redis.hset(key(idempotencyKey), java.util.Map.of("state", "FAILED", "failure", kind));
    }

    /** A send to {@code inReplyTo} whose outcome is unknown; {@code confirmed} once an agent said to send anyway. */
    record Doubt(String request, Instant attemptAt, boolean confirmed) {
    }

    /** Marks the post as answered "in doubt": a later reply to it must be confirmed first. */
    void doubt(String inReplyTo, String idempotencyKey, Instant attemptAt) {
        String k = doubtKey(inReplyTo);
        redis.hset(k, java.util.Map.of("request", idempotencyKey, "attempt_at",
                Long.toString(attemptAt.toEpochMilli())));
        redis.hdel(k, "confirmed");
        redis.pexpire(k, retention.toMillis());
    }

    java.util.Optional<Doubt> doubtOn(String inReplyTo) {
        java.util.Map<String, String> h = redis.hgetAll(doubtKey(inReplyTo));
        if (h.isEmpty() || h.get("request") == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Doubt(h.get("request"),
                Instant.ofEpochMilli(Long.parseLong(h.getOrDefault("attempt_at", "0"))), h.containsKey("confirmed")));
    }

    /** An agent checked the thread and asks to send anyway; the doubt stays until a send settles it. */
    boolean confirm(String inReplyTo) {
        String k = doubtKey(inReplyTo);
        return redis.exists(k) && redis.hset(k, "confirmed", "1") >= 0;
    }

    /** The confirmed send did not go out: the next reply to the post must be confirmed again. */
    void unconfirm(String inReplyTo) {
        redis.hdel(doubtKey(inReplyTo), "confirmed");
    }

    void clearDoubt(String inReplyTo) {
        redis.del(doubtKey(inReplyTo));
    }

    private String doubtKey(String inReplyTo) {
        return keys.key("x", "reply-doubt", inReplyTo);
    }

    private String key(String idempotencyKey) {
        return keys.key("x", "reply", idempotencyKey);
    }
}
