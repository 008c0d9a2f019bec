package io.socialbot.triage.redis;

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
import redis.clients.jedis.exceptions.JedisNoScriptException;

/** A Lua script sent by its SHA-1, and in full only when the server does not know it yet (startup, failover). */
final class LuaScript {

    private final String body;
    private final String sha;

    LuaScript(String body) {
        this.body = body;
        try {
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys and arguments of one call. */
    record Call(List<String> keys, List<String> args) {
    }

    /**
     * Runs the calls in order in one pipeline. The first goes alone, so a server that lost its scripts learns this
     * one before the rest arrive; a NOSCRIPT answer in the pipeline (a flush in between) re-runs that call in full.
     */
    List<Object> runAll(UnifiedJedis redis, List<Call> calls) {
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
                if (e.getMessage() == null || !e.getMessage().startsWith("NOSCRIPT")) {
                    throw e;
                }
                Call call = calls.get(i + 1);
                replies.add(redis.eval(body, call.keys(), call.args()));
            }
        }
        return replies;
    }

    Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            return redis.eval(body, keys, args);
        }
    }
}
