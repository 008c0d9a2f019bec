package io.socialbot.platform.redis;

/**
 * Names every Redis key the bot uses under one namespace.
 *
 * <p>All keys share the hash tag {@code {namespace}}, so on Redis Cluster they are all in one slot: the multi-key
 * Lua scripts (store and queue in one step), MGET, PFCOUNT over hours and keys a script finds in the data all stay
 * on one node ({@code RedisClusterTest}). The price: one namespace is served by one master, however many there are.
 */
public record RedisKeys(String namespace) {

    public RedisKeys {
        if (namespace == null || namespace.isBlank() || namespace.contains("{") || namespace.contains("}")) {
            throw new IllegalArgumentException("socialbot.redis.namespace must be a non-empty name without braces");
        }
    }

    /** A key inside the namespace, e.g. {@code key("m", "twitter:123")} is {@code {sb}:m:twitter:123}. */
    public String key(String... parts) {
        var sb = new StringBuilder().append('{').append(namespace).append('}');
        for (String part : parts) {
            sb.append(':').append(part);
        }
        return sb.toString();
    }
}
