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
 * ({@code approval:case:<key>}). Creating, confirming the post and deciding are scripts, so two Sends make one
 * request and two clicks on Approve, on one replica or two, make one decision. Until its post is confirmed a
 * request lives only until its {@code post_by} (both keys expire then too); once posted it is kept 30 days.
 *
 * <p>The scripts find the other key of a pair in the data (the pointer names the request, the request its case), so
 * they build it from a declared prefix; both carry the namespace's hash tag, so a call stays on one cluster slot.
 */
public final class RedisApprovalStore implements ApprovalStore {

    static final long KEEP_MS = 30L * 24 * 3600 * 1000;

    /**
     * A case held by a request whose post was never confirmed by its {@code post_by} is free: nobody can see that
     * request (the replica died between the steps), so it is dropped and the new one takes the case.
     */
    private static final RedisScript CREATE = new RedisScript("""
            local held = redis.call('GET', KEYS[2])
            if held then
              local old = KEYS[3] .. held
              local status = redis.call('HGET', old, 'status')
              local by = tonumber(redis.call('HGET', old, 'post_by') or '0')
              if redis.call('HEXISTS', old, 'ts') == 1 or (status and status ~= 'PENDING')
                or by >= tonumber(ARGV[6]) then return 0 end
              redis.call('DEL', old)
            end
            redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[9])
            redis.call('HSET', KEYS[1], 'id', ARGV[1], 'case', ARGV[2], 'agent', ARGV[3], 'text', ARGV[4],
              'reason', ARGV[5], 'requested', ARGV[6], 'status', ARGV[7], 'post_by', ARGV[8])
            if ARGV[10] == '1' then redis.call('HSET', KEYS[1], 'confirm', '1') end
            redis.call('PEXPIRE', KEYS[1], ARGV[9])
            return 1
            """);

    /** The post is confirmed: the request (and the case's pointer, if still its own) is kept; too late, dropped. */
    private static final RedisScript POSTED = new RedisScript("""
            local status = redis.call('HGET', KEYS[1], 'status')
            if status == false then return 0 end
            local case = KEYS[2] .. redis.call('HGET', KEYS[1], 'case')
            local mine = redis.call('GET', case) == ARGV[5]
            if status == 'PENDING' and tonumber(redis.call('HGET', KEYS[1], 'post_by') or '0') < tonumber(ARGV[3]) then
              redis.call('DEL', KEYS[1])
              if mine then redis.call('DEL', case) end
              return 0
            end
            redis.call('HSET', KEYS[1], 'channel', ARGV[1], 'ts', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            if mine then redis.call('PEXPIRE', case, ARGV[4]) end
            return 1
            """);

    /** Only a waiting approval whose post was confirmed (or is still in time) can be decided; the pointer goes with it. */
    private static final RedisScript DECIDE = new RedisScript("""
            local status = redis.call('HGET', KEYS[1], 'status')
            if status == false then return -1 end
            if redis.call('HEXISTS', KEYS[1], 'ts') == 0
              and tonumber(redis.call('HGET', KEYS[1], 'post_by') or '0') < tonumber(ARGV[6]) then return -1 end
            if status ~= 'PENDING' then return 0 end
            redis.call('HSET', KEYS[1], 'status', ARGV[1], 'by', ARGV[2])
            -- decided before its post was recorded: keep it past the posting window, it is a lead's decision now
            redis.call('PEXPIRE', KEYS[1], ARGV[7])
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

    /**
     * Drops a request a lead has not decided (0, and nothing dropped, when one has: a lead saw its post even though
     * the poster never heard Slack's answer); the case's pointer only while it is still this request's.
     */
    private static final RedisScript CANCEL = new RedisScript("""
            local status = redis.call('HGET', KEYS[1], 'status')
            if status and status ~= 'PENDING' then return 0 end
            local case = redis.call('HGET', KEYS[1], 'case')
            if case and redis.call('GET', KEYS[2] .. case) == ARGV[1] then redis.call('DEL', KEYS[2] .. case) end
            redis.call('DEL', KEYS[1])
            return 1
            """);

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    public RedisApprovalStore(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public boolean create(Approval a, Instant postBy) {
        long window = Math.max(1, postBy.toEpochMilli() - a.requestedAt().toEpochMilli());
        Object created = CREATE.run(redis, List.of(key(a.id()), caseKey(a.caseKey()), key("")), List.of(a.id(),
                a.caseKey(), a.agent(), a.text(), a.reason(), String.valueOf(a.requestedAt().toEpochMilli()),
                a.status().name(), String.valueOf(postBy.toEpochMilli()), String.valueOf(window),
                a.resendConfirmed() ? "1" : ""));
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
                h.get("attempt") == null ? 0 : Integer.parseInt(h.get("attempt")), h.containsKey("confirm")));
    }

    @Override
    public boolean posted(String id, String channel, String messageTs, Instant now) {
        Object recorded = POSTED.run(redis, List.of(key(id), caseKey("")), List.of(channel, messageTs,
                String.valueOf(now.toEpochMilli()), String.valueOf(KEEP_MS), id));
        return Long.valueOf(1).equals(recorded);
    }

    @Override
    public DecideOutcome decide(String id, Approval.Status to, String lead, String note, String text, Instant now) {
        Object result = DECIDE.run(redis, List.of(key(id), caseKey("")), List.of(to.name(), lead,
                note == null ? "" : note, text == null ? "" : text, id, String.valueOf(now.toEpochMilli()),
                String.valueOf(KEEP_MS)));
        long r = result instanceof Long l ? l : -1;
        Optional<Approval> after = find(id);
        if (r < 0 || after.isEmpty()) {
            return new NotFound();
        }
        return r == 1 ? new Decided(after.get()) : new AlreadyDecided(after.get());
    }

    @Override
    public void reopen(String id) {
        REOPEN.run(redis, List.of(key(id), keys.key("approval", "case", "")), List.of(id, String.valueOf(KEEP_MS)));
    }

    @Override
    public boolean cancel(String id) {
        return Long.valueOf(1).equals(CANCEL.run(redis, List.of(key(id), caseKey("")), List.of(id)));
    }

    private String key(String id) {
        return keys.key("approval", id);
    }

    private String caseKey(String caseKey) {
        return keys.key("approval", "case", caseKey);
    }
}
