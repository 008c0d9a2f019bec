package io.socialbot.incident.redis;

import io.socialbot.incident.Incident;
import io.socialbot.incident.IncidentStore;
import io.socialbot.incident.StatusUpdate;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * Incidents in Redis: {@code incident:current} names the running one (set in one Lua step with its hash, so two
 * leads starting at once get one incident), {@code incident:i:<name>} holds each, {@code incident:history} the order.
 */
public final class RedisIncidentStore implements IncidentStore {

    private static final RedisScript START = new RedisScript("""
            local cur = redis.call('GET', KEYS[1])
            if cur then return {'running', cur} end
            if redis.call('EXISTS', KEYS[2]) == 1 then return {'taken', ARGV[1]} end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('HSET', KEYS[2], 'name', ARGV[1], 'channel', ARGV[2], 'startedBy', ARGV[3], 'startedAt', ARGV[4])
            redis.call('LPUSH', KEYS[3], ARGV[1])
            return {'started', ARGV[1]}
            """);
    private static final RedisScript STOP = new RedisScript("""
            local cur = redis.call('GET', KEYS[1])
            if not cur then return false end
            local key = ARGV[3] .. cur
            redis.call('HSET', key, 'stoppedBy', ARGV[1], 'stoppedAt', ARGV[2])
            redis.call('DEL', KEYS[1])
            return cur
            """);
    private static final char SEP = '\u001f';

    private final UnifiedJedis redis;
    private final RedisKeys keys;

    public RedisIncidentStore(UnifiedJedis redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public StartResult start(String name, String channel, String by, Instant at) {
        @SuppressWarnings("unchecked")
        List<Object> r = (List<Object>) START.run(redis, List.of(keys.key("incident", "current"), incidentKey(name),
                keys.key("incident", "history")), List.of(name, channel, by, String.valueOf(at.toEpochMilli())));
        String outcome = String.valueOf(r.get(0));
        String value = String.valueOf(r.get(1));
        return switch (outcome) {
            case "running" -> new AlreadyRunning(find(value).orElseThrow());
            case "taken" -> new NameTaken(value);
            default -> new Started(find(value).orElseThrow());
        };
    }

    @Override
    public Optional<Incident> stop(String by, Instant at) {
        // which incident is running is read in the script (a stop and a start may race), so its hash key is built
        // there from the prefix; it carries the namespace's hash tag, which keeps the call on one cluster slot
        Object name = STOP.run(redis, List.of(keys.key("incident", "current")),
                List.of(by, String.valueOf(at.toEpochMilli()), keys.key("incident", "i") + ":"));
        return name == null ? Optional.empty() : find(String.valueOf(name));
    }

    @Override
    public Optional<Incident> current() {
        String name = redis.get(keys.key("incident", "current"));
        return name == null ? Optional.empty() : find(name);
    }

    @Override
    public Optional<Incident> find(String name) {
        Map<String, String> h = redis.hgetAll(incidentKey(name));
        if (h.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Incident(h.get("name"), h.get("channel"), h.get("startedBy"), instant(h.get("startedAt")),
                h.get("stoppedBy"), instant(h.get("stoppedAt"))));
    }

    @Override
    public List<Incident> list() {
        List<Incident> out = new ArrayList<>();
        for (String name : redis.lrange(keys.key("incident", "history"), 0, -1)) {
            find(name).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Optional<StatusUpdate> addUpdate(String text, String author, Instant at) {
        Optional<Incident> running = current();
        if (running.isEmpty()) {
            return Optional.empty();
        }
        String name = running.get().name();
        long n = redis.rpush(updatesKey(name), at.toEpochMilli() + "" + SEP + author + SEP + text);
        return Optional.of(new StatusUpdate(name + "#" + n, name, text, author, at));
    }

    @Override
    public List<StatusUpdate> updates(String incident) {
        List<StatusUpdate> out = new ArrayList<>();
        List<String> raw = redis.lrange(updatesKey(incident), 0, -1);
        for (int i = 0; i < raw.size(); i++) {
            out.add(parse(incident, i + 1, raw.get(i)));
        }
        return out;
    }

    @Override
    public Optional<StatusUpdate> findUpdate(String updateId) {
        int hash = updateId.lastIndexOf('#');
        if (hash < 1) {
            return Optional.empty();
        }
        String incident = updateId.substring(0, hash);
        int n;
        try {
            n = Integer.parseInt(updateId.substring(hash + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String raw = n < 1 ? null : redis.lindex(updatesKey(incident), n - 1);
        return raw == null ? Optional.empty() : Optional.of(parse(incident, n, raw));
    }

    private static StatusUpdate parse(String incident, int n, String raw) {
        int a = raw.indexOf(SEP);
        int b = raw.indexOf(SEP, a + 1);
        return new StatusUpdate(incident + "#" + n, incident, raw.substring(b + 1), raw.substring(a + 1, b),
                Instant.ofEpochMilli(Long.parseLong(raw.substring(0, a))));
    }

    private String incidentKey(String name) {
        return keys.key("incident", "i", name);
    }

    private String updatesKey(String name) {
        return keys.key("incident", "u", name);
    }

    private static Instant instant(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
