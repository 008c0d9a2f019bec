package io.socialbot.triage.redis;

import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.triage.DecisionJson;
import io.socialbot.triage.DecisionStore;
import io.socialbot.triage.TriageDecision;
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

    @Override
    public Optional<TriageDecision> find(String key) {
        return Optional.ofNullable(redis.get(keys.key("d", key))).map(DecisionJson::read);
    }
}
