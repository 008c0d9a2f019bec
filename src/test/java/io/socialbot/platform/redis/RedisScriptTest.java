package io.socialbot.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.support.TestRedis;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

class RedisScriptTest {

    /** Appends its argument to a list and answers the new length: any call run twice or out of order shows. */
    private final RedisScript append = new RedisScript("return redis.call('RPUSH', KEYS[1], ARGV[1])");
    private final String key = "{lua-test}:" + UUID.randomUUID();

    private static List<RedisScript.Call> calls(String key, String... values) {
        return java.util.Arrays.stream(values).map(v -> new RedisScript.Call(List.of(key), List.of(v))).toList();
    }

    @Test
    void aBatchRunsInOrderAndOnce() {
        var redis = TestRedis.client();
        assertThat(append.runAll(redis, calls(key, "a", "b", "c"))).containsExactly(1L, 2L, 3L);
        assertThat(redis.lrange(key, 0, -1)).containsExactly("a", "b", "c");
    }

    @Test
    void aServerThatLostItsScriptsIsSentTheBody() {
        var redis = TestRedis.client();
        assertThat(append.run(redis, List.of(key), List.of("a"))).isEqualTo(1L);
        redis.scriptFlush(); // as after a restart or failover
        assertThat(redis.scriptExists(append.sha(), key)).isFalse();
        assertThat(append.run(redis, List.of(key), List.of("b"))).isEqualTo(2L);
        assertThat(redis.scriptExists(append.sha(), key)).as("EVAL loads it again").isTrue();
    }

    @Test
    void scriptsFlushedBetweenTheFirstCallAndThePipelineAreSentInFull() {
        // a real client on the real server that flushes the scripts right after its first EVALSHA: the pipeline
        // behind it then meets NOSCRIPT, as after a failover between the two
        append.run(TestRedis.client(), List.of(key + ":warm-up"), List.of("x")); // the server knows the script
        URI url = URI.create(TestRedis.url());
        try (JedisPooled flushing = new JedisPooled(url.getHost(), url.getPort()) {
            private boolean flushed;

            @Override
            public Object evalsha(String sha1, List<String> keys, List<String> args) {
                Object reply = super.evalsha(sha1, keys, args);
                if (!flushed) {
                    flushed = true;
                    scriptFlush();
                }
                return reply;
            }
        }) {
            assertThat(append.runAll(flushing, calls(key, "a", "b", "c", "d"))).containsExactly(1L, 2L, 3L, 4L);
            assertThat(flushing.lrange(key, 0, -1)).containsExactly("a", "b", "c", "d");
        }
    }
}
