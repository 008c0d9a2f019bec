package io.socialbot.platform.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** The one way to run Lua on Redis: sent by its SHA-1 (EVALSHA), in full only when the server answers NOSCRIPT. */
public final class RedisScript {

    private final String body;
    private final String sha;

    public RedisScript(String body) {
        this.body = body;
        try {
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys and arguments of one call. */
    public record Call(List<String> keys, List<String> args) {
        public Call {
            keys = List.copyOf(keys);
            args = List.copyOf(args);
        }
    }

    /** The script's SHA-1, as EVALSHA and SCRIPT LOAD name it. */
    public String sha() {
        return sha;
    }

    /** Runs the script once; a server that does not know it (restart, failover, SCRIPT FLUSH) gets the body. */
    public Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisDataException e) {
            if (!isNoScript(e)) {
                throw e;
            }
            return redis.eval(body, keys, args);
        }
    }

    /**
     * Runs the calls in order in one pipeline. The first goes alone, so a server that lost its scripts learns this
     * one before the rest arrive; a NOSCRIPT answer in the pipeline (a flush in between) re-runs that call in full.
     */
    public List<Object> runAll(UnifiedJedis redis, List<Call> calls) {
        List<Object> replies = new ArrayList<>(calls.size());
        if (calls.isEmpty()) {
            return replies;
        }
        replies.add(run(redis, calls.get(0).keys(), calls.get(0).args()));
        List<Response<Object>> pending = new ArrayList<>(calls.size() - 1);
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Call call : calls.subList(1, calls.size())) {
                pending.add(pipeline.evalsha(sha, call.keys(), call.args()));
            }
            pipeline.sync();
        }
        for (int i = 0; i < pending.size(); i++) {
            try {
                replies.add(pending.get(i).get());
            } catch (JedisDataException e) {
                if (!isNoScript(e)) {
                    throw e;
                }
                Call call = calls.get(i + 1);
                replies.add(redis.eval(body, call.keys(), call.args()));
            }
        }
        return replies;
    }

    private static boolean isNoScript(JedisDataException e) {
        return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
    }
}
