package io.socialbot.prompt.redis;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import io.socialbot.prompt.ModelBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * Calls per clock minute counted in Redis, so every replica draws on one budget; a Retry-After pause is one key
 * every replica reads (the later time wins), capped at {@link #LONGEST_PAUSE} so a wild header cannot stop drafts.
 */
public final class RedisModelBudget implements ModelBudget {

    private static final RedisScript TAKE = new RedisScript("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], 120000) end
            if n > tonumber(ARGV[1]) then return 0 end
            return 1
            """);

    /** A Retry-After longer than this is taken as this: the next call after it asks again. */
    static final Duration LONGEST_PAUSE = Duration.ofHours(1);

    private static final RedisScript PAUSE = new RedisScript("""
            local now = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tonumber(ARGV[1]) > now then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
            return 1
            """);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final int perMinute;
    private final Clock clock;

    public RedisModelBudget(UnifiedJedis redis, RedisKeys keys, int perMinute, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    public boolean tryTake() {
        long minute = clock.millis() / 60_000;
        Object taken = TAKE.run(redis, List.of(keys.key("model", "calls", String.valueOf(minute))),
                List.of(String.valueOf(perMinute)));
        return Long.valueOf(1).equals(taken);
    }

    @Override
    public void pauseUntil(Instant until) {
        Instant now = clock.instant();
        Instant capped = until.isAfter(now.plus(LONGEST_PAUSE)) ? now.plus(LONGEST_PAUSE) : until;
        long ms = Duration.between(now, capped).toMillis();
        if (ms > 0) {
            PAUSE.run(redis, List.of(pauseKey()), List.of(String.valueOf(capped.toEpochMilli()), String.valueOf(ms)));
        }
    }

    @Override
    public Optional<Instant> pausedUntil() {
        String until = redis.get(pauseKey());
        if (until == null) {
            return Optional.empty();
        }
        Instant at = Instant.ofEpochMilli(Long.parseLong(until));
        return at.isAfter(clock.instant()) ? Optional.of(at) : Optional.empty();
    }

    private String pauseKey() {
        return keys.key("model", "paused-until");
    }
}
