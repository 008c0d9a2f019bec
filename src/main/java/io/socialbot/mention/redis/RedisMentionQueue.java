package io.socialbot.mention.redis;

import io.socialbot.mention.MentionQueue;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/** The triage stream read through one consumer group shared by every replica. */
public final class RedisMentionQueue implements MentionQueue {

    static final String GROUP = "triage";

    // Acknowledge and delete in one step so the stream only holds work still to do.
    private static final RedisScript ACK = new RedisScript("""
            for i = 1, #ARGV do
              redis.call('XACK', KEYS[1], 'triage', ARGV[i])
              redis.call('XDEL', KEYS[1], ARGV[i])
            end
            return #ARGV
            """);

    private final UnifiedJedis redis;
    private final String stream;
    private final String consumer;
    private final String mentionPrefix;
    private final String deadLetterKey;

    public RedisMentionQueue(UnifiedJedis redis, RedisKeys keys, String consumer) {
        this.redis = redis;
        this.stream = keys.key("stream", "mentions");
        this.mentionPrefix = keys.key("m") + ":";
        this.deadLetterKey = keys.key("stream", "failed");
        this.consumer = consumer;
        createGroup();
    }

    private void createGroup() {
        try {
            redis.xgroupCreate(stream, GROUP, new StreamEntryID(0, 0), true);
        } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    @Override
    public List<Entry> next(int max, Duration block) {
        var params = XReadGroupParams.xReadGroupParams().count(max);
        if (!block.isZero()) {
            params.block((int) block.toMillis());
        }
        List<Map.Entry<String, List<StreamEntry>>> reply;
        try {
            reply = redis.xreadGroup(GROUP, consumer, params, Map.of(stream, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        } catch (JedisDataException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("NOGROUP")) {
                createGroup(); // the stream was deleted under us (FLUSHALL in a test, a manual clean-up)
                return List.of();
            }
            throw e;
        }
        return entries(reply == null || reply.isEmpty() ? List.of() : reply.get(0).getValue());
    }

    @Override
    public List<Entry> reclaim(Duration idle, int max) {
        var claimed = redis.xautoclaim(stream, GROUP, consumer, idle.toMillis(), new StreamEntryID(0, 0),
                XAutoClaimParams.xAutoClaimParams().count(max));
        return entries(claimed.getValue());
    }

    // KEYS: stream, failed list; ARGV: key prefix, then entry ids. The mention key goes to the list, the entry leaves.
    private static final RedisScript SET_ASIDE = new RedisScript("""
            local out = {}
            for i = 2, #ARGV do
              local e = redis.call('XRANGE', KEYS[1], ARGV[i], ARGV[i])
              if e[1] then
                local f = e[1][2]
                for j = 1, #f, 2 do
                  if f[j] == 'k' then
                    local key = string.sub(f[j + 1], #ARGV[1] + 1)
                    redis.call('LPUSH', KEYS[2], key)
                    out[#out + 1] = key
                  end
                end
              end
              redis.call('XACK', KEYS[1], 'triage', ARGV[i])
              redis.call('XDEL', KEYS[1], ARGV[i])
            end
            return out
            """);

    @Override
    public List<String> setAsideFailing(Duration idle, int maxDeliveries, int max) {
        List<String> ids = new ArrayList<>();
        for (var pending : redis.xpending(stream, GROUP,
                XPendingParams.xPendingParams("-", "+", max).idle(idle.toMillis()))) {
            if (pending.getDeliveredTimes() >= maxDeliveries) {
                ids.add(pending.getID().toString());
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return setAsideIds(ids);
    }

    @Override
    public void setAside(List<Entry> entries) {
        if (!entries.isEmpty()) {
            setAsideIds(entries.stream().map(Entry::entryId).toList());
        }
    }

    private List<String> setAsideIds(List<String> ids) {
        List<String> args = new ArrayList<>(ids.size() + 1);
        args.add(mentionPrefix);
        args.addAll(ids);
        List<?> keys = (List<?>) SET_ASIDE.run(redis, List.of(stream, deadLetterKey), args);
        List<String> out = new ArrayList<>();
        for (Object k : keys) {
            out.add((String) k);
        }
        return out;
    }

    @Override
    public void keepClaimed(List<Entry> entries) {
        // XCLAIM JUSTID to ourselves resets the idle time and leaves the delivery count alone
        claimJustIds(entries, XClaimParams.xClaimParams());
    }

    @Override
    public void handBack(List<Entry> entries, Duration idle) {
        // idle as old as the reclaim threshold: the next XAUTOCLAIM of any replica takes them
        claimJustIds(entries, XClaimParams.xClaimParams().idle(idle.toMillis()));
    }

    private void claimJustIds(List<Entry> entries, XClaimParams params) {
        if (entries.isEmpty()) {
            return;
        }
        StreamEntryID[] ids = entries.stream().map(e -> new StreamEntryID(e.entryId())).toArray(StreamEntryID[]::new);
        redis.xclaimJustId(stream, GROUP, consumer, 0, params, ids);
    }

    @Override
    public void ack(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            ids.add(e.entryId());
        }
        ACK.run(redis, List.of(stream), ids);
    }

    @Override
    public long depth() {
        return redis.xlen(stream);
    }

    private List<Entry> entries(List<StreamEntry> raw) {
        List<Entry> out = new ArrayList<>(raw.size());
        for (StreamEntry e : raw) {
            String key = e.getFields() == null ? null : e.getFields().get("k");
            if (key != null) {
                out.add(new Entry(e.getID().toString(), key.substring(mentionPrefix.length())));
            }
        }
        return out;
    }
}
