package io.socialbot.casework.redis;

import io.socialbot.casework.Approval;
import io.socialbot.casework.ApprovalStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * Approvals in Redis: a hash per approval ({@code approval:<id>}) and a pointer per case to the one waiting
 * ({@code approval:case:<key>}). Creating and deciding are scripts, so two Sends make one request and two clicks
 * on Approve, on one replica or two, make one decision. Kept 30 days.
 */
public final class RedisApprovalStore implements ApprovalStore {

    static final long KEEP_MS = 30L * 24 * 3600 * 1000;

    private static final RedisScript CREATE = new RedisScript("""
            if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[8]) == false then return 0 end
            redis.call('HSET', KEYS[1], 'id', ARGV[1], 'case', ARGV[2], 'agent', ARGV[3], 'text', ARGV[4],
              'reason', ARGV[5], 'requested', ARGV[6], 'status', ARGV[7])
            redis.call('PEXPIRE', KEYS[1], ARGV[8])
            return 1
            """);

    /** Only a waiting approval can be decided; the case's pointer goes with the decision. */
    private static final RedisScript DECIDE = new RedisScript("""
            local status = redis.call('HGET', KEYS[1], 'status')
            if status == false then return -1 end
            if status ~= 'PENDING' then return 0 end
            redis.call('HSET', KEYS[1], 'status', ARGV[1], 'by', ARGV[2])
            if ARGV[1] == 'APPROVED' then redis.call('HINCRBY', KEYS[1], 'attempt', 1) end
            if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'note', ARGV[3]) end
            if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'text', ARGV[4]) end
            local case = redis.call('HGET', KEYS[1], 'case')
            if redis.call('GET', KEYS[2] .. case) == ARGV[5] then redis.call('DEL', KEYS[2] .. case) end
            return 1
            """);

    /** Back to waiting after a send that failed; the case's pointer comes back unless a newer request took it. */
    private static final RedisScript REOPEN = new RedisScript("""
            if redis.call('HGET', KEYS[1], 'status') ~= 'APPROVED' then return 0 end
            redis.call('HSET', KEYS[1], 'status', 'PENDING')
            redis.call('HDEL', KEYS[1], 'by')
            redis.call('SET', KEYS[2] .. redis.call('HGET', KEYS[1], 'case'), ARGV[1], 'NX', 'PX', ARGV[2])
            return 1
            """);

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    public RedisApprovalStore(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public boolean create(Approval a) {
        Object created = CREATE.run(redis, List.of(key(a.id()), caseKey(a.caseKey())), List.of(a.id(), a.caseKey(),
                a.agent(), a.text(), a.reason(), String.valueOf(a.requestedAt().toEpochMilli()), a.status().name(),
                String.valueOf(KEEP_MS)));
        return Long.valueOf(1).equals(created);
    }

    @Override
    public Optional<Approval> find(String id) {
        Map<String, String> h = redis.hgetAll(key(id));
        if (h.isEmpty() || h.get("case") == null) {
            return Optional.empty();
        }
        return Optional.of(new Approval(h.get("id"), h.get("case"), h.get("agent"), h.get("text"), h.get("reason"),
                Instant.ofEpochMilli(Long.parseLong(h.get("requested"))), Approval.Status.valueOf(h.get("status")),
                h.get("by"), h.get("note"), h.get("channel"), h.get("ts"),
                h.get("attempt") == null ? 0 : Integer.parseInt(h.get("attempt"))));
    }

    @Override
    public void posted(String id, String channel, String messageTs) {
        redis.hset(key(id), Map.of("channel", channel, "ts", messageTs));
    }

    @Override
    public DecideOutcome decide(String id, Approval.Status to, String lead, String note, String text) {
        Object result = DECIDE.run(redis, List.of(key(id), keys.key("approval", "case", "")), List.of(to.name(), lead,
                note == null ? "" : note, text == null ? "" : text, id));
        long r = result instanceof Long l ? l : -1;
        Optional<Approval> now = find(id);
        if (r < 0 || now.isEmpty()) {
            return new NotFound();
        }
        return r == 1 ? new Decided(now.get()) : new AlreadyDecided(now.get());
    }

    @Override
    public void reopen(String id) {
        REOPEN.run(redis, List.of(key(id), keys.key("approval", "case", "")), List.of(id, String.valueOf(KEEP_MS)));
    }

    @Override
    public void cancel(String id) {
        find(id).ifPresent(a -> redis.del(caseKey(a.caseKey())));
        redis.del(key(id));
    }

    private String key(String id) {
        return keys.key("approval", id);
    }

    private String caseKey(String caseKey) {
        return keys.key("approval", "case", caseKey);
    }
}
