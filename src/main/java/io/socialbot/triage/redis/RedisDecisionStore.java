package io.socialbot.triage.redis;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import io.socialbot.triage.DecisionJson;
import io.socialbot.triage.DecisionStore;
import io.socialbot.triage.TriageDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/** Decisions as JSON under {@code {ns}:d:<key>}, written once. */
public final class RedisDecisionStore implements DecisionStore {

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    public RedisDecisionStore(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public boolean saveIfAbsent(TriageDecision decision) {
        return "OK".equals(redis.set(keys.key("d", decision.key()), DecisionJson.write(decision), SetParams.setParams().nx()));
    }

    private static final RedisScript SAVE_ALL = new RedisScript("""
            local out = {}
            for i = 1, #KEYS do
              out[i] = redis.call('SET', KEYS[i], ARGV[i], 'NX') and 1 or 0
            end
            return out
            """);

    @Override
    public List<Boolean> saveAllIfAbsent(List<TriageDecision> decisions) {
        if (decisions.isEmpty()) {
            return List.of();
        }
        List<String> redisKeys = new ArrayList<>(decisions.size());
        List<String> values = new ArrayList<>(decisions.size());
        for (TriageDecision d : decisions) {
            redisKeys.add(keys.key("d", d.key()));
            values.add(DecisionJson.write(d));
        }
        List<?> flags = (List<?>) SAVE_ALL.run(redis, redisKeys, values);
        List<Boolean> out = new ArrayList<>(flags.size());
        for (Object flag : flags) {
            out.add(((Long) flag) == 1L);
        }
        return out;
    }

    @Override
    public Optional<TriageDecision> find(String key) {
        return Optional.ofNullable(redis.get(keys.key("d", key))).map(DecisionJson::read);
    }
}
