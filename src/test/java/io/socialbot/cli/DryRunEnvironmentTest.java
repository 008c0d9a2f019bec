package io.socialbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.socialbot.SocialbotApplication;
import io.socialbot.support.Mentions;
import io.socialbot.support.TestRedis;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay --dry-run} in its own process, with X and Slack credentials in the environment pointing at a local
 * stand-in that counts every request: the rehearsal makes none. The same environment makes the bot itself poll
 * the stand-in, so a count of zero means the dry run switched X off, not that the stand-in was unreachable.
 */
class DryRunEnvironmentTest {

    @TempDir
    Path dir;

    private HttpServer standIn;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startStandIn() throws Exception {
        standIn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        standIn.createContext("/", ex -> {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
            byte[] body = (ex.getRequestURI().getPath().startsWith("/2/")
                    ? "{\"meta\":{\"result_count\":0}}" : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        standIn.start();
    }

    @AfterEach
    void stopStandIn() {
        standIn.stop(0);
    }

    private Map<String, String> xAndSlackEnvironment() {
        String base = "http://127.0.0.1:" + standIn.getAddress().getPort();
        return Map.ofEntries(Map.entry("X_BEARER_TOKEN", "test-bearer-token"), Map.entry("X_BRAND_USER_ID", "4242"),
                Map.entry("X_API_KEY", "k"), Map.entry("X_API_SECRET", "s"), Map.entry("X_ACCESS_TOKEN", "t"),
                Map.entry("X_ACCESS_TOKEN_SECRET", "ts"), Map.entry("X_POLL_INTERVAL", "1s"),
                Map.entry("X_V2_BASE_URL", base + "/2/"), Map.entry("X_REST_BASE_URL", base + "/1.1/"),
                Map.entry("SLACK_BOT_TOKEN", "xoxb-test"), Map.entry("SLACK_SIGNING_SECRET", "secret"),
                Map.entry("SLACK_API_URL", base + "/api/"), Map.entry("REDIS_URL", TestRedis.url()));
    }

    private Process start(String name, List<String> args) throws Exception {
        return start(name, args, Map.of());
    }

    private Process start(String name, List<String> args, Map<String, String> moreEnvironment) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                SocialbotApplication.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().putAll(xAndSlackEnvironment());
        builder.environment().putAll(moreEnvironment);
        return builder.start();
    }

    @Test
    void aDryRunMakesNoRequestToXOrSlackWhateverTheEnvironmentSays() throws Exception {
        Path input = dir.resolve("outage.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            lines.add(Mentions.line(String.valueOf(i), "@BrandTelHelp still no signal in Leeds " + i,
                    "2026-03-02T08:" + String.format("%02d", i % 60) + ":00Z"));
        }
        Files.write(input, lines);
        // paced replay: the rehearsal lasts several poll intervals, so a live poller would show
        Process dryRun = start("dry-run", List.of("replay", "--dry-run", "--file=" + input,
                "--out=" + dir.resolve("out"), "--speed=600"));
        assertThat(dryRun.waitFor(180, TimeUnit.SECONDS)).as("dry run finished").isTrue();
        assertThat(dryRun.exitValue()).as(log("dry-run")).isZero();
        assertThat(Files.readAllLines(dir.resolve("out/decisions.jsonl"))).hasSize(200);
        // its output went to a file, not a terminal: no progress line, the summary as ever (a paced run of seconds)
        assertThat(log("dry-run")).doesNotContain("\r").doesNotContain("lines triaged").contains("dry run: read 200");
        assertThat(requests).as("requests to the X and Slack stand-in during the dry run").isEmpty();

        Process bot = start("bot", List.of("--server.port=0", "--socialbot.redis.namespace=dry-run-control-"
                + System.nanoTime(), "--socialbot.mention.replay.on-start=false"));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (requests.stream().noneMatch(r -> r.startsWith("GET /2/users/4242/mentions"))
                    && System.nanoTime() < deadline && bot.isAlive()) {
                Thread.sleep(200);
            }
        } finally {
            bot.destroy();
            bot.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(requests).as("the bot, in the same environment, polls the stand-in; " + log("bot"))
                .anyMatch(r -> r.startsWith("GET /2/users/4242/mentions"));
    }

    /** A replay into the bots' Redis and a read of the labels only store and read: the bots do the rest. */
    @Test
    void aReplayIntoTheBotsRedisAndALabelsReadMakeNoRequestToXOrSlack() throws Exception {
        Path input = dir.resolve("outage.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            lines.add(Mentions.line(String.valueOf(i), "@BrandTelHelp still no signal in Hull " + i,
                    "2026-03-02T08:" + String.format("%02d", i % 60) + ":00Z"));
        }
        Files.write(input, lines);
        Map<String, String> namespace = Map.of("SOCIALBOT_REDIS_NAMESPACE", "replay-into-" + System.nanoTime());
        // paced: the replay lasts several of X_POLL_INTERVAL's seconds, so a poller in it would show
        Process replay = start("replay", List.of("replay", "--file=" + input, "--speed=600"), namespace);
        assertThat(replay.waitFor(180, TimeUnit.SECONDS)).as("replay finished").isTrue();
        assertThat(replay.exitValue()).as(log("replay")).isZero();
        assertThat(log("replay")).contains("replay: read 100, accepted 100");
        Process labels = start("labels", List.of("labels", "--out=" + dir.resolve("labels.tsv")), namespace);
        assertThat(labels.waitFor(180, TimeUnit.SECONDS)).as("labels finished").isTrue();
        assertThat(labels.exitValue()).as(log("labels")).isZero();
        assertThat(log("labels")).contains("labels: 0 written to");
        assertThat(requests).as("requests to the X and Slack stand-in during the replay and the read").isEmpty();
    }

    private String log(String name) {
        File f = dir.resolve(name + ".log").toFile();
        try {
            return f.exists() ? Files.readString(f.toPath()) : "(no log)";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
