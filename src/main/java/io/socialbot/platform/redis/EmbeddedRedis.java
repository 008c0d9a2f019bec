package io.socialbot.platform.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/** A real redis-server, shipped inside a Maven dependency, on a free loopback port. */
public final class EmbeddedRedis implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a server with persistence off: the embedded default is for laptops and tests. */
    public static EmbeddedRedis start() {
        return start(freePort());
    }

    /** Starts a server on a given port: tests restart Redis where clients expect it. */
    public static EmbeddedRedis start(int port) {
        return start(port, List.of());
    }

    /**
     * Starts a server on a given port with more settings, one {@code redis.conf} line each (a test's cluster node:
     * {@code cluster-enabled yes} and its own {@code cluster-config-file}).
     */
    public static EmbeddedRedis start(int port, List<String> settings) {
        try {
            RedisServerBuilder builder = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("maxmemory-policy noeviction");
            settings.forEach(builder::setting);
            RedisServer server = builder.build();
            server.start();
            return new EmbeddedRedis(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded redis-server", e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
