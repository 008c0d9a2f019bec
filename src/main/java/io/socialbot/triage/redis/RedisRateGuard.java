package io.socialbot.triage.redis;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import io.socialbot.triage.RateGuard;
import io.socialbot.triage.TriageProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * A token bucket per Slack channel shared by every replica ({@code {ns}:tg:rate:<channel>}, a hash of tokens,
 * last refill, posted and refused, kept while the channel is in use), taken and refilled in one Lua call.
 *
 * <p>A refusal says when the next token is due. Replicas only take tokens, never add them, so until then this
 * replica refuses that channel without asking Redis (in an outage most candidates find their channel full), and
 * adds those refusals to the shared count with its next call.
 */
final class RedisRateGuard implements RateGuard {

    // KEYS[1] = bucket; ARGV: 1 now ms, 2 tokens per second, 3 burst, 4 ms to keep the bucket after its last use,
    // 5 refusals made locally since the last call. Returns {1 taken or 0 refused, ms until the next token}.
    private static final RedisScript TAKE = new RedisScript("""
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
            local wait = 0
            local refused = tonumber(ARGV[5])
            if tokens >= 1 then
              tokens = tokens - 1
              ok = 1
              redis.call('HINCRBY', KEYS[1], 'posted', 1)
            else
              refused = refused + 1
              wait = math.ceil((1 - tokens) * 1000 / tonumber(ARGV[2]))
            end
            if refused > 0 then
              redis.call('HINCRBY', KEYS[1], 'refused', refused)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(at))
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return {ok, wait}
            """);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Clock clock;
    private final TriageProperties.RateGuard settings;
    private final long keepMillis;
    private final Map<String, Full> full = new HashMap<>();

    /** A channel this replica knows is full until a time, and the refusals it made meanwhile. */
    private static final class Full {
        long untilMillis;
        long unreported;
    }

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
        long now = clock.millis();
        long unreported;
        synchronized (full) {
            Full known = full.get(channel);
            if (known != null && now < known.untilMillis) {
                known.unreported++;
                return false;
            }
            unreported = known == null ? 0 : known.unreported;
            full.remove(channel);
        }
        List<?> reply;
        try {
            reply = (List<?>) TAKE.run(redis, List.of(bucket(channel)), List.of(
                    Long.toString(now),
                    Double.toString(settings.perSecond()),
                    Integer.toString(settings.burst()),
                    Long.toString(keepMillis),
                    Long.toString(unreported)));
        } catch (RuntimeException e) {
            remember(channel, 0, unreported); // not counted yet: report them with the next call
            throw e;
        }
        boolean taken = ((Long) reply.get(0)) == 1L;
        if (!taken) {
            remember(channel, now + (Long) reply.get(1), 0);
        }
        return taken;
    }

    private void remember(String channel, long untilMillis, long unreported) {
        synchronized (full) {
            Full known = full.computeIfAbsent(channel, c -> new Full());
            known.untilMillis = Math.max(known.untilMillis, untilMillis);
            known.unreported += unreported;
        }
    }

    /** Shared counts, plus this replica's refusals not yet reported to Redis. */
    @Override
    public Counts counts(String channel) {
        List<String> values = redis.hmget(bucket(channel), "posted", "refused");
        long unreported;
        synchronized (full) {
            Full known = full.get(channel);
            unreported = known == null ? 0 : known.unreported;
        }
        return new Counts(parse(values.get(0)), parse(values.get(1)) + unreported);
    }

    private String bucket(String channel) {
        return keys.key("tg", "rate", channel);
    }

    private static long parse(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }
}
