package io.socialbot.prompt.redis;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import io.socialbot.prompt.ModelBudget;
import java.time.Clock;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** Calls per clock minute counted in Redis, so every replica draws on one budget. */
public final class RedisModelBudget implements ModelBudget {

    private static final RedisScript TAKE = new RedisScript("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], 120000) end
            if n > tonumber(ARGV[1]) then return 0 end
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
}
