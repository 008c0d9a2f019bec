package io.socialbot.triage.redis;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.triage.RateGuard;
import io.socialbot.triage.TriageProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * A token bucket per Slack channel shared by every replica ({@code {ns}:tg:rate:<channel>}, a hash of tokens,
 * last refill, posted and refused, kept while the channel is in use), taken and refilled in one Lua call.
 */
public final class RedisRateGuard implements RateGuard {

    // KEYS[1] = bucket; ARGV: 1 now ms, 2 tokens per second, 3 burst, 4 ms to keep the bucket after its last use
    private static final LuaScript TAKE = new LuaScript("""
            local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local now = tonumber(ARGV[1])
            local burst = tonumber(ARGV[3])
            local tokens = tonumber(b[1]) or burst
            local at = tonumber(b[2]) or now
            if now > at then
              tokens = math.min(burst, tokens + (now - at) * tonumber(ARGV[2]) / 1000)
              at = now
            end
            local ok = 0
            if tokens >= 1 then
              tokens = tokens - 1
              ok = 1
              redis.call('HINCRBY', KEYS[1], 'posted', 1)
            else
              redis.call('HINCRBY', KEYS[1], 'refused', 1)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return ok
            """);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Clock clock;
    private final TriageProperties.RateGuard settings;
    private final long keepMillis;

    /** @param keep how long a channel's bucket and counters live after its last post attempt */
    public RedisRateGuard(UnifiedJedis redis, RedisKeys keys, Clock clock, TriageProperties.RateGuard settings,
                          Duration keep) {
        this.redis = redis;
        this.keepMillis = Math.max(1_000, keep.toMillis());
        this.keys = keys;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public boolean tryAcquire(String channel) {
        Object ok = TAKE.run(redis, List.of(bucket(channel)), List.of(
                Long.toString(clock.millis()),
                Double.toString(settings.perSecond()),
                Integer.toString(settings.burst()),
                Long.toString(keepMillis)));
        return ((Long) ok) == 1L;
    }

    @Override
    public Counts counts(String channel) {
        List<String> values = redis.hmget(bucket(channel), "posted", "refused");
        return new Counts(parse(values.get(0)), parse(values.get(1)));
    }

    private String bucket(String channel) {
        return keys.key("tg", "rate", channel);
    }

    private static long parse(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
