package io.socialbot.mention.redis;

import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionStore;
import io.socialbot.mention.StoreUnavailableException;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Mentions as JSON strings under {@code {ns}:m:<source>:<id>}; new ones are appended to the triage stream in
 * the same Lua call, so a mention is never stored without being queued, nor queued twice. Each is stamped with
 * {@code received_at} from the injected clock: its arrival at the bot, where its response clock starts.
 */
public final class RedisMentionStore implements MentionStore {

    // KEYS[1] = stream, KEYS[2] = counter, KEYS[3..] = mention keys; ARGV[i] = JSON of KEYS[i + 2].
    private static final RedisScript ACCEPT = new RedisScript("""
            local out = {}
            local added = 0
            for i = 3, #KEYS do
              if redis.call('SET', KEYS[i], ARGV[i - 2], 'NX') then
                redis.call('XADD', KEYS[1], '*', 'k', KEYS[i])
                out[#out + 1] = 1
                added = added + 1
              else
                out[#out + 1] = 0
              end
            end
            if added > 0 then redis.call('INCRBY', KEYS[2], added) end
            return out
            """);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Clock clock;

    public RedisMentionStore(UnifiedJedis redis, RedisKeys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    /** A store on the system clock (tools and tests that do not shift time). */
    public RedisMentionStore(UnifiedJedis redis, RedisKeys keys) {
        this(redis, keys, Clock.systemUTC());
    }

    @Override
    public List<AcceptResult> acceptAll(List<Mention> mentions) {
        if (mentions.isEmpty()) {
            return List.of();
        }
        List<String> scriptKeys = new ArrayList<>(mentions.size() + 2);
        List<String> args = new ArrayList<>(mentions.size());
        scriptKeys.add(streamKey());
        scriptKeys.add(keys.key("mentions", "count"));
        Instant now = clock.instant();
        for (Mention m : mentions) {
            scriptKeys.add(mentionKey(m.key()));
            args.add(StoredMentionJson.write(m.withReceivedAt(now)));
        }
        Object reply;
        try {
            reply = ACCEPT.run(redis, scriptKeys, args);
        } catch (JedisException e) {
            throw new StoreUnavailableException("Redis did not confirm the write", e);
        }
        List<?> flags = (List<?>) reply;
        List<AcceptResult> results = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            String key = mentions.get(i).key();
            results.add(((Long) flags.get(i)) == 1L ? new Accepted(key) : new Duplicate(key));
        }
        return results;
    }

    @Override
    public Optional<Mention> find(String key) {
        try {
            return Optional.ofNullable(redis.get(mentionKey(key))).map(StoredMentionJson::read);
        } catch (JedisException e) {
            throw new StoreUnavailableException("Redis could not be read", e);
        }
    }

    @Override
    public List<Mention> findAll(List<String> mentionKeys) {
        if (mentionKeys.isEmpty()) {
            return List.of();
        }
        try {
            List<String> values = redis.mget(mentionKeys.stream().map(this::mentionKey).toArray(String[]::new));
            List<Mention> out = new ArrayList<>(values.size());
            for (String value : values) {
                out.add(value == null ? null : StoredMentionJson.read(value));
            }
            return out;
        } catch (JedisException e) {
            throw new StoreUnavailableException("Redis could not be read", e);
        }
    }

    @Override
    public long count() {
        String value = redis.get(keys.key("mentions", "count"));
        return value == null ? 0 : Long.parseLong(value);
    }

    String streamKey() {
        return keys.key("stream", "mentions");
    }

    String mentionKey(String mentionKey) {
        return keys.key("m", mentionKey);
    }
}
