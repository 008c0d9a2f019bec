package io.socialbot.triage.redis;

import io.socialbot.mention.StoreUnavailableException;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import io.socialbot.triage.ClusterIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Clusters shared by every replica: one Lua call per mention reads the anchors, picks or opens the cluster (the
 * first writer wins its id), claims the free anchors and grows the size. Every key expires after the TTL.
 *
 * <p>Keys: {@code {ns}:tc:m:<mention key>} (membership), {@code {ns}:tc:a:<anchor>} (retweet links and content
 * bands) and {@code {ns}:tc:c:<cluster id>} (hash: size, first, sig, posted).
 */
final class RedisClusterIndex implements ClusterIndex {

    // KEYS[1] = membership, KEYS[2 .. 1+ARGV[2]] = links, the rest = bands.
    // ARGV: 1 mention key, 2 link count, 3 signature, 4 slots that must agree, 5 created-at ms, 6 ttl ms,
    // 7 cluster hash prefix: which cluster hash is read from the links and bands, so it is built here; it carries the
    // namespace's hash tag like the declared keys, which keeps the call on one cluster slot.
    private static final RedisScript JOIN = new RedisScript("""
            local prefix = ARGV[7]
            local ttl = tonumber(ARGV[6])
            local known = redis.call('GET', KEYS[1])
            if known then
              local c = redis.call('HMGET', prefix .. known, 'size', 'first', 'posted')
              return {known, tonumber(c[1]) or 1, tonumber(c[2]) or tonumber(ARGV[5]), 0, c[3] and 1 or 0}
            end
            local nlinks = tonumber(ARGV[2])
            local cid = false
            local bylink = 0
            for i = 2, 1 + nlinks do
              cid = redis.call('GET', KEYS[i])
              if cid then bylink = 1 break end
            end
            if not cid then
              local sig = ARGV[3]
              local need = tonumber(ARGV[4])
              for i = 2 + nlinks, #KEYS do
                local candidate = redis.call('GET', KEYS[i])
                if candidate then
                  local theirs = redis.call('HGET', prefix .. candidate, 'sig') or ''
                  local same = 0
                  if #theirs ~= #sig or #sig == 0 then
                    if theirs == sig then same = 24 end
                  else
                    for k = 0, 23 do
                      if string.sub(theirs, k * 8 + 1, k * 8 + 8) == string.sub(sig, k * 8 + 1, k * 8 + 8) then
                        same = same + 1
                      end
                    end
                  end
                  if same >= need then cid = candidate break end
                end
              end
            end
            local ck
            if not cid then
              cid = ARGV[1]
              ck = prefix .. cid
              redis.call('HSET', ck, 'size', 1, 'first', ARGV[5], 'sig', ARGV[3])
            else
              ck = prefix .. cid
              redis.call('HINCRBY', ck, 'size', 1)
              redis.call('HSETNX', ck, 'first', ARGV[5])
            end
            redis.call('PEXPIRE', ck, ttl)
            redis.call('SET', KEYS[1], cid, 'PX', ttl)
            for i = 2, #KEYS do
              redis.call('SET', KEYS[i], cid, 'NX', 'PX', ttl)
            end
            local c = redis.call('HMGET', ck, 'size', 'first', 'posted')
            return {cid, tonumber(c[1]), tonumber(c[2]), bylink, c[3] and 1 or 0}
            """);

    private static final RedisScript CLAIM = new RedisScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            return redis.call('HSETNX', KEYS[1], 'posted', 1)
            """);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final long ttlMillis;
    private final String clusterPrefix;

    public RedisClusterIndex(UnifiedJedis redis, RedisKeys keys, Duration ttl) {
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("socialbot.triage.clusters.ttl must be positive");
        }
        this.redis = redis;
        this.keys = keys;
        this.ttlMillis = ttl.toMillis();
        this.clusterPrefix = keys.key("tc", "c") + ":";
    }

    @Override
    public Membership join(Request request) {
        RedisScript.Call call = call(request);
        return membership((List<?>) JOIN.run(redis, call.keys(), call.args()));
    }

    /** @throws StoreUnavailableException when Redis cannot be reached: joining one by one would not help */
    @Override
    public List<Membership> joinAll(List<Request> requests) {
        List<Object> replies;
        try {
            replies = JOIN.runAll(redis, requests.stream().map(this::call).toList());
        } catch (JedisConnectionException e) {
            throw new StoreUnavailableException("Redis could not be reached to join clusters", e);
        }
        List<Membership> memberships = new ArrayList<>(replies.size());
        for (Object reply : replies) {
            memberships.add(membership((List<?>) reply));
        }
        return memberships;
    }

    private RedisScript.Call call(Request request) {
        List<String> scriptKeys = new ArrayList<>(1 + request.links().size() + request.bands().size());
        scriptKeys.add(keys.key("tc", "m", request.mentionKey()));
        for (String link : request.links()) {
            scriptKeys.add(keys.key("tc", "a", link));
        }
        for (String band : request.bands()) {
            scriptKeys.add(keys.key("tc", "a", band));
        }
        List<String> args = List.of(
                request.mentionKey(),
                Integer.toString(request.links().size()),
                request.signature(),
                Integer.toString(request.minAgreement()),
                Long.toString(request.createdAt().toEpochMilli()),
                Long.toString(ttlMillis),
                clusterPrefix);
        return new RedisScript.Call(scriptKeys, args);
    }

    private static Membership membership(List<?> reply) {
        return new Membership(
                (String) reply.get(0),
                (Long) reply.get(1),
                Instant.ofEpochMilli((Long) reply.get(2)),
                ((Long) reply.get(3)) == 1L,
                ((Long) reply.get(4)) == 1L);
    }

    @Override
    public boolean claimPost(String clusterId) {
        // only a cluster that exists can be claimed: a claim after expiry must not create a size-less hash
        return ((Long) CLAIM.run(redis, List.of(keys.key("tc", "c", clusterId)), List.of())) == 1L;
    }
}
