package io.socialbot.support;

import io.socialbot.platform.redis.EmbeddedRedis;
import io.socialbot.platform.redis.RedisClients;
import io.socialbot.platform.redis.RedisKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A real Redis Cluster of three masters (no replicas) made of the embedded redis-server binary on loopback: each node
 * runs with {@code cluster-enabled yes} and its own {@code cluster-config-file} in a temp dir, the nodes are joined
 * with CLUSTER MEET and given a third of the 16,384 slots each (CLUSTER ADDSLOTS: the binary is Redis 6.2, which
 * has no ADDSLOTSRANGE). Fresh namespaces take the three nodes in turn, so the tests on it use every node.
 */
public final class TestRedisCluster implements TestRedisTarget, AutoCloseable {

    static final int SLOTS = 16_384;
    private static final int NODES = 3;
    /** The cluster bus listens on the client port plus this (Redis 6.2 has no {@code cluster-port}). */
    private static final int BUS_OFFSET = 10_000;
    private static final long READY_MS = 20_000;

    private final Path dir;
    private final List<EmbeddedRedis> nodes;
    private final List<Jedis> admin;
    private final UnifiedJedis client;
    private final AtomicInteger nextNode = new AtomicInteger();
    private final Set<String> namespaces = ConcurrentHashMap.newKeySet();

    private TestRedisCluster(Path dir, List<EmbeddedRedis> nodes, List<Jedis> admin) {
        this.dir = dir;
        this.nodes = nodes;
        this.admin = admin;
        this.client = RedisClients.connect(url(), TestRedis.properties());
    }

    /** Starts the three nodes, joins them and returns once every node says {@code cluster_state:ok}. */
    public static TestRedisCluster start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("socialbot-redis-cluster");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<EmbeddedRedis> nodes = new ArrayList<>();
        List<Jedis> admin = new ArrayList<>();
        try {
            for (int port : freePorts()) {
                nodes.add(EmbeddedRedis.start(port, List.of("cluster-enabled yes",
                        "cluster-config-file \"" + dir.resolve("nodes-" + port + ".conf") + "\"",
                        "cluster-node-timeout 5000", "dir \"" + dir + "\"")));
                admin.add(new Jedis("127.0.0.1", port));
            }
            for (int i = 0; i < NODES; i++) {
                admin.get(i).clusterSetConfigEpoch(i + 1); // distinct epochs, as redis-cli --cluster create sets
                admin.get(i).clusterAddSlots(IntStream.range(firstSlot(i), firstSlot(i + 1)).toArray());
            }
            for (int i = 1; i < NODES; i++) {
                admin.get(0).clusterMeet("127.0.0.1", nodes.get(i).port());
            }
            awaitOk(admin);
            return new TestRedisCluster(dir, nodes, admin);
        } catch (RuntimeException | Error e) {
            admin.forEach(Jedis::close);
            nodes.forEach(EmbeddedRedis::stop);
            delete(dir);
            throw e;
        }
    }

    private static void awaitOk(List<Jedis> admin) {
        long deadline = System.currentTimeMillis() + READY_MS;
        while (true) {
            List<String> infos = admin.stream().map(Jedis::clusterInfo).toList();
            if (infos.stream().allMatch(i -> i.contains("cluster_state:ok") && i.contains("cluster_known_nodes:3")
                    && i.contains("cluster_slots_assigned:" + SLOTS))) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the test cluster did not come up: " + infos);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The first slot of node {@code i}'s third (node 3's "first" is the end). */
    static int firstSlot(int i) {
        return i * SLOTS / NODES;
    }

    /** Which node (0, 1 or 2) serves a key's slot. */
    public int nodeOf(String key) {
        int slot = JedisClusterCRC16.getSlot(key);
        int node = 0;
        while (node + 1 < NODES && slot >= firstSlot(node + 1)) {
            node++;
        }
        return node;
    }

    public List<Integer> ports() {
        return nodes.stream().map(EmbeddedRedis::port).toList();
    }

    @Override
    public String url() {
        return "redis-cluster://" + String.join(",", ports().stream().map(p -> "127.0.0.1:" + p).toList());
    }

    @Override
    public UnifiedJedis client() {
        return client;
    }

    /** A namespace no other test uses, its slot on the next node in turn. */
    @Override
    public RedisKeys freshKeys() {
        int node = Math.floorMod(nextNode.getAndIncrement(), NODES);
        while (true) {
            RedisKeys keys = new RedisKeys("c" + UUID.randomUUID().toString().substring(0, 8));
            if (nodeOf(keys.key()) == node) {
                namespaces.add(keys.key());
                return keys;
            }
        }
    }

    /** Whether a key carries the hash tag of a namespace {@link #freshKeys} handed out. */
    public boolean inANamespace(String key) {
        int close = key.indexOf('}');
        return key.startsWith("{") && close > 0 && namespaces.contains(key.substring(0, close + 1));
    }

    /** Every key node {@code i} holds, asked of the node itself (SCAN answers with a node's own keys only). */
    public synchronized List<String> keysOn(int node) {
        List<String> found = new ArrayList<>();
        ScanParams all = new ScanParams().count(1_000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = admin.get(node).scan(cursor, all);
            found.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return found;
    }

    /** Empties every node, so the next test's keys are all that {@link #keysOn} finds. */
    public synchronized void flushAll() {
        admin.forEach(Jedis::flushAll);
    }

    @Override
    public void close() {
        client.close();
        admin.forEach(Jedis::close);
        nodes.forEach(EmbeddedRedis::stop);
        delete(dir);
    }

    /** Three ports whose bus ports (+10,000) are free too, from a range whose bus ports stay below 65,536. */
    private static List<Integer> freePorts() {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < NODES) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 30_000);
            if (!ports.contains(port) && free(port) && free(port + BUS_OFFSET)) {
                ports.add(port);
            }
        }
        return ports;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}
