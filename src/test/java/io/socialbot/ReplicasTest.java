package io.socialbot;

import static io.socialbot.support.Mentions.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.mention.webhook.WebhookSignature;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.TestRedis;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Three real bot processes on one Redis: mentions posted to any of them are triaged exactly once, and when one is
 * killed with SIGKILL mid-stream, the others take over its unacknowledged entries and nothing is lost.
 */
class ReplicasTest {

    static final String SECRET = "replica-secret";

    @TempDir
    Path logs;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void threeReplicasShareTheWorkAndAKilledOneLosesNothing() throws Exception {
        RedisKeys keys = TestRedis.freshKeys();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ports.add(freePort());
            processes.add(start(i, ports.get(i), keys.namespace()));
        }
        for (int port : ports) {
            awaitUp(port);
        }
        HttpClient http = HttpClient.newHttpClient();
        WebhookSignature signer = new WebhookSignature(SECRET, Clock.systemUTC());
        int total = 3_000;
        int batch = 100;
        for (int b = 0; b < total / batch; b++) {
            if (b == total / batch / 2) {
                processes.get(1).destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no acknowledgements
            }
            int port = ports.get(b % 3 == 1 ? (b < total / batch / 2 ? 1 : 2) : b % 3);
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < batch; i++) {
                int n = b * batch + i;
                body.append(line("r" + n, "@BrandTel still no signal " + n, "2026-03-02T08:00:00Z")).append('\n');
            }
            // every batch is sent twice, to two replicas: re-delivery must not create work twice
            for (int copy = 0; copy < 2; copy++) {
                int target = copy == 0 ? port : ports.get(b < total / batch / 2 ? 0 : 2);
                byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                String ts = String.valueOf(Instant.now().getEpochSecond());
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + target + "/webhook/mentions"))
                        .header(WebhookSignature.TIMESTAMP_HEADER, ts)
                        .header(WebhookSignature.SIGNATURE_HEADER, "v1=" + signer.sign(ts, bytes))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long decided = 0;
        while (System.nanoTime() < deadline) {
            decided = countKeys(keys.key("d") + ":*");
            if (decided == total && TestRedis.client().xlen(keys.key("stream", "mentions")) == 0) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(decided).as("every mention decided, none lost with the killed replica").isEqualTo(total);
        assertThat(TestRedis.client().get(keys.key("mentions", "count"))).isEqualTo(String.valueOf(total));
        assertThat(TestRedis.client().xlen(keys.key("stream", "mentions"))).as("nothing left pending").isZero();
    }

    private long countKeys(String pattern) {
        long count = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = TestRedis.client().scan(cursor, new ScanParams().match(pattern).count(1000));
            count += page.getResult().size();
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return count;
    }

    private Process start(int index, int port, String namespace) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-cp", classpath, SocialbotApplication.class.getName(),
                "--server.port=" + port,
                "--socialbot.redis.url=" + TestRedis.url(),
                "--socialbot.redis.namespace=" + namespace,
                "--socialbot.mention.webhook.secret=" + SECRET,
                "--socialbot.mention.replay.on-start=false",
                "--socialbot.triage.worker.reclaim-after=2s",
                "--logging.level.root=WARN");
        File log = logs.resolve("replica-" + index + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private void awaitUp(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        StringBuilder out = new StringBuilder();
        try (var files = Files.list(logs)) {
            for (Path f : files.toList()) {
                out.append(f.getFileName()).append(":\n").append(Files.readString(f)).append('\n');
            }
        }
        throw new AssertionError("replica on port " + port + " did not become ready:\n" + out);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
