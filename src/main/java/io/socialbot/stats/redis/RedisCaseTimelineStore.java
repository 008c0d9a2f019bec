package io.socialbot.stats.redis;

import io.socialbot.casework.CaseEvent;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import io.socialbot.stats.CaseTimeline;
import io.socialbot.stats.CaseTimelineStore;
import io.socialbot.triage.TriageDecision.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Case timelines in Redis, laid out for window reports: one hash per case ({@code stats:case:<key>}, epoch-millis
 * fields set once with HSETNX so the first claim/reply/broadcast/resolve wins and re-delivery changes nothing), and sorted
 * sets scored by received time for the whole namespace, per incident, and for open cases. A report is one
 * ZRANGEBYSCORE plus pipelined HMGETs in chunks.
 */
public class RedisCaseTimelineStore implements CaseTimelineStore {

    /** Hash fields, in the order HMGET asks for them. */
    private static final String[] FIELDS = {"k", "p", "i", "ch", "a", "r", "po", "c", "f", "rs", "b", "n", "aw"};
    static final int CHUNK = 5_000;

    // One script for every event so each step is atomic: a step on an unknown case is dropped (like the
    // in-memory store), and only the first claim/reply/resolve is kept.
    private static final RedisScript SCRIPT = new RedisScript("""
            local op = ARGV[1]
            if op == 'received' then
              if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
              redis.call('HSET', KEYS[1], 'k', ARGV[3], 'p', ARGV[4], 'r', ARGV[2])
              if ARGV[5] ~= '' then
                redis.call('HSET', KEYS[1], 'i', ARGV[5])
                redis.call('ZADD', KEYS[4], ARGV[2], ARGV[3])
              end
              redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
              redis.call('ZADD', KEYS[3], ARGV[2], ARGV[3])
              -- retention: the hash expires on its own; the indexes drop entries older than the retention
              redis.call('PEXPIRE', KEYS[1], ARGV[6])
              local oldest = '(' .. (tonumber(ARGV[2]) - tonumber(ARGV[6]))
              redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', oldest)
              redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', oldest)
              if ARGV[5] ~= '' then redis.call('PEXPIRE', KEYS[4], ARGV[6]) end
              return 1
            end
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            if op == 'posted' then
              if redis.call('HSETNX', KEYS[1], 'po', ARGV[2]) == 1 and ARGV[4] ~= '' then
                redis.call('HSET', KEYS[1], 'ch', ARGV[4])
              end
            elseif op == 'claimed' then
              if redis.call('HSETNX', KEYS[1], 'c', ARGV[2]) == 1 and ARGV[4] ~= '' then
                redis.call('HSET', KEYS[1], 'a', ARGV[4])
              end
            elseif op == 'replied' then
              if redis.call('HSETNX', KEYS[1], 'f', ARGV[2]) == 1 and ARGV[4] ~= '' then
                redis.call('HSETNX', KEYS[1], 'a', ARGV[4])
              end
            elseif op == 'approval' then
              redis.call('HINCRBY', KEYS[1], 'aw', ARGV[4])
            elseif op == 'broadcast' then
              redis.call('HSETNX', KEYS[1], 'b', ARGV[2])
            elseif op == 'resolved' then
              if redis.call('HSETNX', KEYS[1], 'rs', ARGV[2]) == 1 then
                redis.call('ZREM', KEYS[3], ARGV[3])
                if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'n', ARGV[4]) end
              end
            end
            return 1
            """);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Duration retention;

    /** {@code retention}: how long a case is kept after it was received (longer than the longest window). */
    public RedisCaseTimelineStore(UnifiedJedis redis, RedisKeys keys, Duration retention) {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("retention must be at least a day: " + retention);
        }
        this.redis = redis;
        this.keys = keys;
        this.retention = retention;
    }

    @Override
    public void on(CaseEvent event) {
        RedisScript.Call call = call(event);
        if (call == null) {
            return;
        }
        SCRIPT.run(redis, call.keys(), call.args());
    }

    /** Records many events in one pipeline (for imports and the benchmark); same rules as {@link #on}. */
    public void onAll(Collection<? extends CaseEvent> events) {
        List<RedisScript.Call> calls = new ArrayList<>(events.size());
        for (CaseEvent e : events) {
            RedisScript.Call call = call(e);
            if (call != null) {
                calls.add(call);
            }
        }
        SCRIPT.runAll(redis, calls);
    }

    @Override
    public List<CaseTimeline> receivedBetween(Instant from, Instant to) {
        return load(redis.zrangeByScore(receivedKey(), String.valueOf(from.toEpochMilli()),
                "(" + to.toEpochMilli()));
    }

    @Override
    public List<CaseTimeline> forIncident(String incident) {
        return load(redis.zrange(incidentKey(incident), 0, -1));
    }

    @Override
    public List<CaseTimeline> open() {
        return load(redis.zrange(openKey(), 0, -1));
    }

    @Override
    public Optional<CaseTimeline> find(String caseKey) {
        return Optional.ofNullable(timeline(redis.hmget(caseKey(caseKey), FIELDS)));
    }

    private List<CaseTimeline> load(List<String> caseKeys) {
        List<CaseTimeline> out = new ArrayList<>(caseKeys.size());
        for (int start = 0; start < caseKeys.size(); start += CHUNK) {
            List<String> chunk = caseKeys.subList(start, Math.min(start + CHUNK, caseKeys.size()));
            List<Response<List<String>>> answers = new ArrayList<>(chunk.size());
            try (AbstractPipeline p = redis.pipelined()) {
                for (String k : chunk) {
                    answers.add(p.hmget(caseKey(k), FIELDS));
                }
                p.sync();
            }
            for (Response<List<String>> a : answers) {
                CaseTimeline t = timeline(a.get());
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static CaseTimeline timeline(List<String> v) {
        if (v.get(0) == null || v.get(5) == null) {
            return null;
        }
        return new CaseTimeline(v.get(0), v.get(1) == null ? null : Priority.valueOf(v.get(1)), v.get(2), v.get(3),
                v.get(4), millis(v.get(5)), millis(v.get(6)), millis(v.get(7)), millis(v.get(8)), millis(v.get(9)),
                millis(v.get(10)), v.get(11), v.get(12) == null ? null : Duration.ofMillis(Long.parseLong(v.get(12))));
    }

    private static Instant millis(String s) {
        return s == null ? null : Instant.ofEpochMilli(Long.parseLong(s));
    }

    private RedisScript.Call call(CaseEvent event) {
        String op;
        String value = "";
        String incident = "";
        if (event instanceof CaseEvent.Received r) {
            op = "received";
            value = r.priority().name();
            incident = r.incident() == null ? "" : r.incident();
        } else if (event instanceof CaseEvent.Posted p) {
            op = "posted";
            value = nullToEmpty(p.channel());
        } else if (event instanceof CaseEvent.Claimed c) {
            op = "claimed";
            value = nullToEmpty(c.agent());
        } else if (event instanceof CaseEvent.Replied r) {
            op = "replied";
            value = nullToEmpty(r.agent());
        } else if (event instanceof CaseEvent.ApprovalDecided a) {
            op = "approval"; // each held reply's wait adds up on its case
            value = String.valueOf(Math.max(0, a.waited().toMillis()));
        } else if (event instanceof CaseEvent.Broadcast) {
            op = "broadcast"; // never sets the agent: the bot is not one
        } else if (event instanceof CaseEvent.Resolved r) {
            op = "resolved";
            value = nullToEmpty(r.note());
        } else {
            return null; // Released changes no timestamp: the first claim is what the report measures
        }
        List<String> k = List.of(caseKey(event.caseKey()), receivedKey(), openKey(),
                incident.isEmpty() ? keys.key("stats", "incident") : incidentKey(incident));
        return new RedisScript.Call(k, List.of(op, String.valueOf(event.at().toEpochMilli()), event.caseKey(), value, incident,
                String.valueOf(retention.toMillis())));
    }

    private String caseKey(String caseKey) {
        return keys.key("stats", "case", caseKey);
    }

    private String receivedKey() {
        return keys.key("stats", "received");
    }

    private String openKey() {
        return keys.key("stats", "open");
    }

    private String incidentKey(String incident) {
        return keys.key("stats", "incident", incident);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
