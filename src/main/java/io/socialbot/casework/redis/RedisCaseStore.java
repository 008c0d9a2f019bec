package io.socialbot.casework.redis;

import io.socialbot.casework.Case;
import io.socialbot.casework.CaseStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.TriageDecision.Priority;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Cases as hashes under {@code {ns}:case:<key>}; ownership changes in Lua so that a claim is one atomic step across
 * replicas. Indexes: the open queue (sorted by priority then age), each agent's cases. Every change also counts a
 * revision and queues the case in the outbox ({@link RedisCaseOutbox}) in the same script.
 */
public final class RedisCaseStore implements CaseStore {

    // queues the case in the outbox (its priority's post or update set, due since it was received) and counts a
    // change, so the poster shows every change; NX keeps a wait Slack asked for and never moves a claimed delivery.
    // Which due set is read from the case hash (its priority, whether it has a post), so the set is built from the
    // outbox prefix here, as RELEASE and RESOLVE build the owner's set from the owner on the hash: these keys carry
    // the namespace's hash tag like the declared ones, which keeps every key of a call on one cluster slot.
    // A person's change (urev) is due at once; growth alone waits for the spacing after the post was last shown,
    // so a storm's new members fold into few edits.
    static final String ENQUEUE = """
            local function enqueue(case, key, prefix, growth)
              local rev = redis.call('HINCRBY', case, 'rev', 1)
              local h = redis.call('HMGET', case, 'priority', 'received', 'ts', 'shownat', 'attempt')
              local set = prefix .. (h[3] and 'U' or '') .. (h[1] or 'P4')
              local due = tonumber(h[2] or '0')
              if growth then
                if h[3] then due = math.max(due, tonumber(h[4] or '0') + SPACING) end
                redis.call('ZADD', set, 'NX', due, key)
              else
                redis.call('HSET', case, 'urev', rev)
                if h[3] and not h[5] then redis.call('ZADD', set, 'LT', due, key)
                else redis.call('ZADD', set, 'NX', due, key) end
              end
            end
            """.replace("SPACING", String.valueOf(RedisCaseOutbox.GROWTH_SPACING.toMillis()));

    // KEYS: case, queue, post index, outbox prefix; ARGV: key, queue score, received millis, then field/value pairs
    private static final RedisScript CREATE = new RedisScript(ENQUEUE + """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], unpack(ARGV, 4))
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
            redis.call('SET', KEYS[3], ARGV[1])
            enqueue(KEYS[1], ARGV[1], KEYS[4], false)
            return 1
            """);

    // KEYS: case, queue, mine, outbox prefix; ARGV: key, agent
    private static final RedisScript CLAIM = new RedisScript(ENQUEUE + """
            local c = redis.call('HMGET', KEYS[1], 'status', 'owner')
            if not c[1] then return {'missing'} end
            if c[1] == 'RESOLVED' then return {'closed'} end
            if c[2] then
              if c[2] == ARGV[2] then return {'yours'} end
              return {'owned', c[2]}
            end
            redis.call('HSET', KEYS[1], 'status', 'CLAIMED', 'owner', ARGV[2])
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('SADD', KEYS[3], ARGV[1])
            enqueue(KEYS[1], ARGV[1], KEYS[4], false)
            return {'claimed'}
            """);

    // KEYS: case, queue, owner-set prefix, outbox prefix; ARGV: key, agent, force, score
    private static final RedisScript RELEASE = new RedisScript(ENQUEUE + """
            local c = redis.call('HMGET', KEYS[1], 'status', 'owner')
            if not c[1] then return {'missing'} end
            if c[1] ~= 'CLAIMED' then return {'closed'} end
            if c[2] ~= ARGV[2] and ARGV[3] ~= '1' then return {'notowner', c[2]} end
            redis.call('HSET', KEYS[1], 'status', 'OPEN')
            redis.call('HDEL', KEYS[1], 'owner')
            redis.call('SREM', KEYS[3] .. c[2], ARGV[1])
            redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
            enqueue(KEYS[1], ARGV[1], KEYS[4], false)
            return {'released'}
            """);

    // KEYS: case, queue, owner-set prefix, outbox prefix; ARGV: key, note, resolver
    private static final RedisScript RESOLVE = new RedisScript(ENQUEUE + """
            local c = redis.call('HMGET', KEYS[1], 'status', 'owner')
            if not c[1] or c[1] == 'RESOLVED' then return 0 end
            redis.call('HSET', KEYS[1], 'status', 'RESOLVED')
            if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'note', ARGV[2]) end
            redis.call('ZREM', KEYS[2], ARGV[1])
            if c[2] then redis.call('SREM', KEYS[3] .. c[2], ARGV[1]) end
            enqueue(KEYS[1], ARGV[1], KEYS[4], false)
            return 1
            """);

    // KEYS: case, outbox prefix
    private static final RedisScript GROW = new RedisScript(ENQUEUE + """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local size = redis.call('HINCRBY', KEYS[1], 'size', 1)
            enqueue(KEYS[1], ARGV[1], KEYS[2], true)
            return size
            """);

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    public RedisCaseStore(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    private String caseKey(String key) {
        return keys.key("case", key);
    }

    private String queueKey() {
        return keys.key("cases", "queue");
    }

    private String ownerPrefix() {
        return keys.key("cases", "owner") + ":";
    }

    private String outboxPrefix() {
        return RedisCaseOutbox.outboxPrefix(keys);
    }

    /** Most urgent first, then oldest: P1 sorts before P2 whatever the age. */
    static double score(Priority priority, Instant received) {
        int p = priority == null ? 4 : priority.ordinal() + 1;
        return p * 1e13 + received.toEpochMilli();
    }

    @Override
    public boolean create(Case c) {
        List<String> args = new ArrayList<>(List.of(c.key(), String.valueOf(score(c.priority(), c.received())),
                String.valueOf(c.received().toEpochMilli())));
        add(args, "post", c.postId());
        add(args, "handle", c.authorHandle());
        add(args, "priority", c.priority() == null ? null : c.priority().name());
        add(args, "channel", c.channel());
        add(args, "status", c.status().name());
        add(args, "size", String.valueOf(c.clusterSize()));
        add(args, "replies", "0");
        add(args, "received", String.valueOf(c.received().toEpochMilli()));
        add(args, "rev", "0");
        Object r = CREATE.run(redis, List.of(caseKey(c.key()), queueKey(), keys.key("case-post", c.postId()),
                outboxPrefix()), args);
        return ((Long) r) == 1L;
    }

    private static void add(List<String> args, String field, String value) {
        if (value != null) {
            args.add(field);
            args.add(value);
        }
    }

    @Override
    public Optional<Case> find(String key) {
        Map<String, String> h = redis.hgetAll(caseKey(key));
        if (h == null || h.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fromHash(key, h));
    }

    private static Case fromHash(String key, Map<String, String> h) {
        return new Case(key, h.get("post"), h.get("handle"),
                h.get("priority") == null ? null : Priority.valueOf(h.get("priority")), h.get("channel"), h.get("ts"),
                Case.Status.valueOf(h.getOrDefault("status", "OPEN")), h.get("owner"),
                Integer.parseInt(h.getOrDefault("size", "1")), Integer.parseInt(h.getOrDefault("replies", "0")),
                h.get("draft"), Instant.ofEpochMilli(Long.parseLong(h.getOrDefault("received", "0"))), h.get("note"),
                h.get("chid"), h.get("label") == null ? null : Label.valueOf(h.get("label")), h.get("labelledby"));
    }

    @Override
    public Optional<String> keyForPost(String postId) {
        return Optional.ofNullable(redis.get(keys.key("case-post", postId)));
    }

    @Override
    public ClaimOutcome claim(String key, String agent) {
        List<?> r = (List<?>) CLAIM.run(redis, List.of(caseKey(key), queueKey(), ownerPrefix() + agent, outboxPrefix()),
                List.of(key, agent));
        return switch ((String) r.get(0)) {
            case "claimed" -> new Claimed();
            case "yours" -> new AlreadyYours();
            case "owned" -> new OwnedBy((String) r.get(1));
            case "closed" -> new NotOpen();
            default -> new NotFound();
        };
    }

    @Override
    public ClaimOutcome release(String key, String agent, boolean force) {
        Optional<Case> c = find(key);
        double score = c.map(x -> score(x.priority(), x.received())).orElse(0.0);
        List<?> r = (List<?>) RELEASE.run(redis, List.of(caseKey(key), queueKey(), ownerPrefix(), outboxPrefix()),
                List.of(key, agent, force ? "1" : "0", String.valueOf(score)));
        return switch ((String) r.get(0)) {
            case "released" -> new Released();
            case "notowner" -> new NotOwner((String) r.get(1));
            case "closed" -> new NotOpen();
            default -> new NotFound();
        };
    }

    @Override
    public boolean resolve(String key, String note) {
        return ((Long) RESOLVE.run(redis, List.of(caseKey(key), queueKey(), ownerPrefix(), outboxPrefix()),
                List.of(key, note == null ? "" : note))) == 1L;
    }

    @Override
    public int grow(String key) {
        return ((Long) GROW.run(redis, List.of(caseKey(key), outboxPrefix()), List.of(key))).intValue();
    }

    @Override
    public boolean replied(String key, String requestId) {
        return ((Long) REPLIED.run(redis, List.of(caseKey(key), keys.key("case-replies", key), outboxPrefix()),
                List.of(requestId, key))) == 1L;
    }

    // a retried request (Slack re-sending a modal, a double click) is counted once
    // KEYS: case, request ids, outbox prefix; ARGV: request id, key
    private static final RedisScript REPLIED = new RedisScript(ENQUEUE + """
            if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return 0 end
            redis.call('HINCRBY', KEYS[1], 'replies', 1)
            redis.call('HDEL', KEYS[1], 'draft')
            enqueue(KEYS[1], ARGV[2], KEYS[3], false)
            return 1
            """);

    @Override
    public boolean labelled(String key, SentimentLabel label) {
        return ((Long) LABELLED.run(redis, List.of(caseKey(key), outboxPrefix()), List.of(key, label.label().name(),
                label.by(), String.valueOf(label.atMicros())))) == 1L;
    }

    // a person's change, shown at once like a claim; a label given earlier than the one shown arrives too late to
    // show; a case that is gone stays gone
    // KEYS: case, outbox prefix; ARGV: key, label, agent, time in microseconds
    private static final RedisScript LABELLED = new RedisScript(ENQUEUE + """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local shown = redis.call('HGET', KEYS[1], 'labelat')
            if shown and tonumber(shown) > tonumber(ARGV[4]) then return 1 end
            redis.call('HSET', KEYS[1], 'label', ARGV[2], 'labelledby', ARGV[3], 'labelat', ARGV[4])
            enqueue(KEYS[1], ARGV[1], KEYS[2], false)
            return 1
            """);

    @Override
    public void keepDraft(String key, String text) {
        redis.hset(caseKey(key), "draft", text);
    }

    @Override
    public List<Case> queue(int max) {
        return load(redis.zrange(queueKey(), 0, max - 1));
    }

    @Override
    public long queueDepth() {
        return redis.zcard(queueKey());
    }

    @Override
    public List<Case> ownedBy(String agent) {
        List<Case> out = load(new ArrayList<>(redis.smembers(ownerPrefix() + agent)));
        out.sort((a, b) -> Double.compare(score(a.priority(), a.received()), score(b.priority(), b.received())));
        return out;
    }

    /** The cases behind the keys, read in one round trip; a case gone meanwhile is left out. */
    private List<Case> load(List<String> caseKeys) {
        List<Response<Map<String, String>>> hashes = new ArrayList<>(caseKeys.size());
        try (AbstractPipeline p = redis.pipelined()) {
            for (String k : caseKeys) {
                hashes.add(p.hgetAll(caseKey(k)));
            }
            p.sync();
        }
        List<Case> out = new ArrayList<>(caseKeys.size());
        for (int i = 0; i < caseKeys.size(); i++) {
            Map<String, String> h = hashes.get(i).get();
            if (h != null && !h.isEmpty()) {
                out.add(fromHash(caseKeys.get(i), h));
            }
        }
        return out;
    }
}
