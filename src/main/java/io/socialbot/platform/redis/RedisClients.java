package io.socialbot.platform.redis;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/** Builds a Jedis client for a Redis URL, single server or cluster. */
public final class RedisClients {

    private RedisClients() {
    }

    public static UnifiedJedis connect(String url, RedisProperties properties) {
        URI uri = URI.create(url.trim());
        int timeoutMs = (int) properties.timeout().toMillis();
        GenericObjectPoolConfig<Connection> pool = new ConnectionPoolConfig();
        pool.setMaxTotal(properties.maxConnections());
        pool.setMaxIdle(properties.maxConnections());
        pool.setTestOnBorrow(false);
        if ("redis-cluster".equals(uri.getScheme()) || "rediss-cluster".equals(uri.getScheme())) {
            return cluster(url, uri, timeoutMs, pool);
        }
        JedisClientConfig config = clientConfig(uri.getUserInfo(), "rediss".equals(uri.getScheme()), timeoutMs, database(uri));
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        return new JedisPooled(pool, new HostAndPort(uri.getHost(), port), config);
    }

    private static UnifiedJedis cluster(String url, URI uri, int timeoutMs, GenericObjectPoolConfig<Connection> pool) {
        // URI cannot parse a host list, so split the authority by hand: scheme://[user:pass@]h1:p1,h2:p2
        String rest = url.substring(url.indexOf("://") + 3);
        String userInfo = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            rest = rest.substring(0, slash);
        }
        Set<HostAndPort> nodes = new HashSet<>();
        for (String node : rest.split(",")) {
            nodes.add(HostAndPort.from(node.contains(":") ? node : node + ":6379"));
        }
        JedisClientConfig config = clientConfig(userInfo, uri.getScheme().startsWith("rediss"), timeoutMs, 0);
        return new JedisCluster(nodes, config, 5, pool);
    }

    private static JedisClientConfig clientConfig(String userInfo, boolean ssl, int timeoutMs, int database) {
        var builder = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMs)
                .socketTimeoutMillis(timeoutMs)
                .ssl(ssl)
                .database(database)
                .clientName("socialbot");
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                String user = userInfo.substring(0, colon);
                builder.user(user.isEmpty() ? null : user).password(userInfo.substring(colon + 1));
            } else {
                builder.password(userInfo);
            }
        }
        return builder.build();
    }

    private static int database(URI uri) {
        String path = uri.getPath();
        if (path == null || path.length() <= 1) {
            return 0;
        }
        return Integer.parseInt(path.substring(1));
    }
}
