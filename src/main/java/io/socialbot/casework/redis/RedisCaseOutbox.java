package io.socialbot.casework.redis;

import io.socialbot.casework.CaseOutbox;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The outbox on Redis: due sets for posts ({@code {ns}:outbox:P1..P4}) and for updates ({@code UP1..UP4}), scored
 * by when the case is due; the delivery state on the case hash ({@code rev}, {@code shown}, {@code ts}, {@code chid},
 * {@code attempt}, {@code dstate}, {@code fails}, {@code urev}: the last change a person made); a post budget per
 * channel and one update budget for the workspace. Claims and records are Lua scripts: one atomic step each,
 * whatever the number of replicas.
 */
public final class RedisCaseOutbox implements CaseOutbox {

    /** New posts before updates, each most urgent first: a storm's edits never hold back a P1 post. */
    static final List<String> SETS = List.of("P1", "P2", "P3", "P4", "UP1", "UP2", "UP3", "UP4");
    static final int POST_SETS = 4;

    /**
     * A post that only grew (a cluster's new member) is updated at most this often: a storm of edits becomes one
     * update showing the latest state. A person's change (claim, release, resolve, reply) is shown at once.
     */
    static final Duration GROWTH_SPACING = Duration.ofSeconds(5);

    // Lua: when the post of a case that moved since it was shown is due: at once for a person's change, else spaced.
    static final String DUE_AGAIN = """
            local function dueAgain(h_urev, shown, now)
              if tonumber(h_urev or '0') > tonumber(shown) then return now end
              return now + %d
            end
            """.formatted(GROWTH_SPACING.toMillis());

    // KEYS: the due sets, posts most urgent first, then updates; ARGV: now, max, lease ms, post pace ms, case prefix,
    // post budget prefix, token, post burst, update pace ms, update burst, update budget key. Each budget is a GCRA
    // (one per pace, bursts of up to burst): posts per channel, updates for the workspace (chat.update is not
    // limited per channel); a Retry-After is a hard wait on the budget's ':wait' key.
    private static final RedisScript CLAIM = new RedisScript("""
            local now = tonumber(ARGV[1])
            local max = tonumber(ARGV[2])
            local lease = tonumber(ARGV[3])
            local function admit(budget, pace, burst)
              local waited = tonumber(redis.call('GET', budget .. ':wait') or '0')
              local tat = math.max(now, tonumber(redis.call('GET', budget) or '0'))
              local window = pace * (burst - 1)
              if waited > now or tat - now > window then return math.max(waited, tat - window) end
              redis.call('SET', budget, tat + pace, 'PX', window + pace + 60000)
              return 0
            end
            local out = {}
            for i = 1, #KEYS do
              if #out >= max then break end
              local post = i <= %d
              local skipped = 0
              for _, key in ipairs(redis.call('ZRANGEBYSCORE', KEYS[i], '-inf', now, 'LIMIT', 0, 100)) do
                if #out >= max then break end
                local case = ARGV[5] .. key
                local h = redis.call('HMGET', case, 'channel', 'ts', 'chid', 'rev', 'shown', 'dstate', 'fails', 'first')
                if not h[1] then
                  redis.call('ZREM', KEYS[i], key)
                elseif h[2] and tonumber(h[5] or '-1') >= tonumber(h[4] or '0') then
                  redis.call('ZREM', KEYS[i], key)
                else
                  local later
                  if post and redis.call('EXISTS', ARGV[6] .. h[1] .. ':busy') == 1 then
                    later = -1 -- one post in flight per channel: a burst never meets a Retry-After in flight
                  elseif post then
                    later = admit(ARGV[6] .. h[1], tonumber(ARGV[4]), tonumber(ARGV[8]))
                  else
                    later = admit(ARGV[11], tonumber(ARGV[9]), tonumber(ARGV[10]))
                  end
                  if later > 0 then
                    if not post then break end -- the workspace's updates wait: the rest of this set waits too
                    skipped = skipped + 1
                    redis.call('ZADD', KEYS[i], later + skipped, key) -- its channel waits; other channels go on
                  elseif later == 0 then
                    local doubt = '0'
                    if not h[2] then
                      if h[6] then doubt = '1' end
                      redis.call('HSET', case, 'dstate', 'sending')
                      if not h[8] then h[8] = ARGV[1]; redis.call('HSET', case, 'first', ARGV[1]) end
                    end
                    local attempt = ARGV[7] .. ':' .. ARGV[1] .. ':' .. key
                    redis.call('HSET', case, 'attempt', attempt)
                    if post then redis.call('SET', ARGV[6] .. h[1] .. ':busy', attempt, 'PX', lease) end
                    redis.call('ZADD', KEYS[i], now + lease, key)
                    table.insert(out, {key, attempt, h[1], h[3] or '', h[2] or '', h[4] or '0', h[7] or '0', doubt, h[8] or ARGV[1]})
                  end
                end
              end
            end
            return out
            """.formatted(POST_SETS));

    // KEYS: case, post set, update set; ARGV: key, attempt, channel id, ts, rev shown, now
    private static final RedisScript POSTED = new RedisScript(DUE_AGAIN + """
            local h = redis.call('HMGET', KEYS[1], 'ts', 'rev', 'attempt', 'lost', 'urev')
            if h[1] and h[1] ~= ARGV[4] then return 'duplicate' end
            local first = 'again'
            if not h[1] and not h[4] then first = 'first' end
            redis.call('HSET', KEYS[1], 'ts', ARGV[4], 'chid', ARGV[3], 'shown', ARGV[5], 'fails', 0, 'shownat', ARGV[6])
            redis.call('HDEL', KEYS[1], 'dstate', 'parked')
            if h[3] == ARGV[2] then redis.call('HDEL', KEYS[1], 'attempt') end
            if h[3] == ARGV[2] or not h[1] then redis.call('ZREM', KEYS[2], ARGV[1]) end
            if tonumber(h[2] or '0') > tonumber(ARGV[5]) then
              redis.call('ZADD', KEYS[3], dueAgain(h[5], ARGV[5], tonumber(ARGV[6])), ARGV[1])
            end
            return first
            """);

    // KEYS: case, due set; ARGV: key, attempt, rev shown, now
    private static final RedisScript UPDATED = new RedisScript(DUE_AGAIN + """
            local h = redis.call('HMGET', KEYS[1], 'rev', 'attempt', 'shown', 'urev')
            if tonumber(h[3] or '-1') < tonumber(ARGV[3]) then redis.call('HSET', KEYS[1], 'shown', ARGV[3]) end
            redis.call('HSET', KEYS[1], 'fails', 0, 'shownat', ARGV[4])
            if h[2] ~= ARGV[2] then return 0 end
            redis.call('HDEL', KEYS[1], 'attempt')
            if tonumber(h[1] or '0') > tonumber(ARGV[3]) then
              redis.call('ZADD', KEYS[2], dueAgain(h[4], ARGV[3], tonumber(ARGV[4])), ARGV[1])
            else
              redis.call('ZREM', KEYS[2], ARGV[1])
            end
            return 1
            """);

    // KEYS: case, due set; ARGV: key, attempt, due, in doubt, counted ('0': Slack asked to wait, not a failure);
    // returns the failures so far, -1 when not ours
    private static final RedisScript RETRY = new RedisScript("""
            if redis.call('HGET', KEYS[1], 'attempt') ~= ARGV[2] then return -1 end
            local fails = tonumber(redis.call('HGET', KEYS[1], 'fails') or '0')
            if ARGV[5] == '1' then fails = redis.call('HINCRBY', KEYS[1], 'fails', 1) end
            redis.call('HDEL', KEYS[1], 'attempt')
            if not redis.call('HGET', KEYS[1], 'ts') then
              if ARGV[4] == '1' then redis.call('HSET', KEYS[1], 'dstate', 'doubt') else redis.call('HDEL', KEYS[1], 'dstate') end
            end
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
            return fails
            """);

    // KEYS: case, update set, post set; ARGV: key, ts that is gone, now
    private static final RedisScript LOST = new RedisScript("""
            if redis.call('HGET', KEYS[1], 'ts') ~= ARGV[2] then return 0 end
            redis.call('HDEL', KEYS[1], 'ts', 'chid', 'dstate', 'attempt', 'first', 'shown')
            redis.call('HSET', KEYS[1], 'fails', 0, 'lost', ARGV[2])
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
            return 1
            """);

    // KEYS: case, due set; ARGV: key, attempt, reason
    private static final RedisScript PARK = new RedisScript("""
            if redis.call('HGET', KEYS[1], 'attempt') ~= ARGV[2] then return 0 end
            redis.call('HDEL', KEYS[1], 'attempt')
            redis.call('HSET', KEYS[1], 'parked', ARGV[3])
            redis.call('ZREM', KEYS[2], ARGV[1])
            return 1
            """);

    // KEYS: a channel's busy key; ARGV: the attempt that holds it
    private static final RedisScript FREE = new RedisScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
            return 1
            """);

    // KEYS: a budget's wait key; ARGV: until ms, ttl ms. Never shortens a wait another replica was given.
    private static final RedisScript WAIT = new RedisScript("""
            local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tonumber(ARGV[1]) > cur then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
            return 1
            """);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final String token = UUID.randomUUID().toString().substring(0, 8);

    public RedisCaseOutbox(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** The due sets' common prefix: the priority's name follows. */
    static String outboxPrefix(RedisKeys keys) {
        return keys.key("outbox") + ":";
    }

    private List<String> dueSets() {
        return SETS.stream().map(p -> outboxPrefix(keys) + p).toList();
    }

    /** The set a case is in now: its post set until it has a post, then its update set. */
    private String dueSet(String caseKey) {
        List<String> h = redis.hmget(keys.key("case", caseKey), "priority", "ts");
        return outboxPrefix(keys) + (h.get(1) == null ? "" : "U") + (h.get(0) == null ? "P4" : h.get(0));
    }

    private String postSet(String caseKey) {
        String p = redis.hget(keys.key("case", caseKey), "priority");
        return outboxPrefix(keys) + (p == null ? "P4" : p);
    }

    private String updateSet(String postSet) {
        return postSet.substring(0, postSet.lastIndexOf(':') + 1) + "U" + postSet.substring(postSet.lastIndexOf(':') + 1);
    }

    private String caseKey(String key) {
        return keys.key("case", key);
    }

    @Override
    public List<Delivery> claimDue(Instant now, int max, Duration lease, Budget posts, Budget updates) {
        List<?> rows = (List<?>) CLAIM.run(redis, dueSets(), List.of(String.valueOf(now.toEpochMilli()),
                String.valueOf(max), String.valueOf(lease.toMillis()), String.valueOf(posts.pace().toMillis()),
                keys.key("case") + ":", keys.key("slack-pace") + ":", token, String.valueOf(posts.burst()),
                String.valueOf(updates.pace().toMillis()), String.valueOf(updates.burst()), updateBudget()));
        List<Delivery> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            List<?> r = (List<?>) row;
            out.add(new Delivery((String) r.get(0), (String) r.get(1), (String) r.get(2), blankToNull(r.get(3)),
                    blankToNull(r.get(4)), Long.parseLong((String) r.get(5)), Integer.parseInt((String) r.get(6)),
                    "1".equals(r.get(7)), Instant.ofEpochMilli(Long.parseLong((String) r.get(8)))));
        }
        return out;
    }

    /** The workspace's chat.update budget (a key no channel name can take: those start with '#' or are ids). */
    private String updateBudget() {
        return keys.key("slack-pace-updates");
    }

    private static String blankToNull(Object o) {
        return o == null || ((String) o).isEmpty() ? null : (String) o;
    }

    @Override
    public Recorded recordPosted(Delivery d, String channelId, String ts, Instant now) {
        String posts = postSet(d.caseKey());
        String r = (String) POSTED.run(redis, List.of(caseKey(d.caseKey()), posts, updateSet(posts)), List.of(d.caseKey(),
                d.attempt(), channelId == null ? "" : channelId, ts, String.valueOf(d.rev()),
                String.valueOf(now.toEpochMilli())));
        return switch (r) {
            case "first" -> Recorded.FIRST;
            case "again" -> Recorded.AGAIN;
            default -> Recorded.DUPLICATE;
        };
    }

    @Override
    public void recordUpdated(Delivery d, Instant now) {
        UPDATED.run(redis, List.of(caseKey(d.caseKey()), dueSet(d.caseKey())), List.of(d.caseKey(), d.attempt(),
                String.valueOf(d.rev()), String.valueOf(now.toEpochMilli())));
    }

    @Override
    public int retryAt(Delivery d, Instant at, boolean inDoubt) {
        return retry(d, at, inDoubt, true);
    }

    @Override
    public void waitUntil(Delivery d, Instant at, boolean inDoubt) {
        retry(d, at, inDoubt, false);
    }

    private int retry(Delivery d, Instant at, boolean inDoubt, boolean counted) {
        return ((Long) RETRY.run(redis, List.of(caseKey(d.caseKey()), dueSet(d.caseKey())), List.of(d.caseKey(),
                d.attempt(), String.valueOf(at.toEpochMilli()), inDoubt ? "1" : "0", counted ? "1" : "0"))).intValue();
    }

    @Override
    public void paceChannel(String channel, Instant until) {
        hardWait(keys.key("slack-pace", channel) + ":wait", until);
    }

    @Override
    public void channelFree(Delivery d) {
        FREE.run(redis, List.of(keys.key("slack-pace", d.channel()) + ":busy"), List.of(d.attempt()));
    }

    @Override
    public void paceUpdates(Instant until) {
        hardWait(updateBudget() + ":wait", until);
    }

    private void hardWait(String key, Instant until) {
        long untilMs = until.toEpochMilli();
        WAIT.run(redis, List.of(key), List.of(String.valueOf(untilMs),
                String.valueOf(Math.max(1, untilMs - System.currentTimeMillis()) + 3_600_000L)));
    }

    @Override
    public void lost(Delivery d, Instant now) {
        String posts = postSet(d.caseKey());
        LOST.run(redis, List.of(caseKey(d.caseKey()), updateSet(posts), posts), List.of(d.caseKey(), d.messageTs(),
                String.valueOf(now.toEpochMilli())));
    }

    @Override
    public void park(Delivery d, String reason) {
        PARK.run(redis, List.of(caseKey(d.caseKey()), dueSet(d.caseKey())), List.of(d.caseKey(), d.attempt(), reason));
    }

    @Override
    public boolean firstReport(String caseKey, String kind) {
        return "OK".equals(redis.set(keys.key("outbox-reported", kind, caseKey), "1",
                SetParams.setParams().nx().ex(Duration.ofDays(30).toSeconds())));
    }

    @Override
    public long pending() {
        long n = 0;
        for (String set : dueSets()) {
            n += redis.zcard(set);
        }
        return n;
    }
}
