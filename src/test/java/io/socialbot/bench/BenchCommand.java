package io.socialbot.bench;

import io.socialbot.SocialbotApplication;
import io.socialbot.cli.ReplayCommand;
import io.socialbot.mention.IngestSummary;
import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionJson;
import io.socialbot.mention.MentionStore;
import io.socialbot.mention.replay.ReplayPace;
import io.socialbot.mention.webhook.WebhookSignature;
import io.socialbot.platform.progress.Progress;
import io.socialbot.triage.OutageGenerator;
import io.socialbot.triage.TriageWorker;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code bench [--mentions=20000] [--webhook-seconds=10] [--threads=4] [--batch=100]}: replays a generated incident
 * through Redis and triage, then loads the webhook on loopback, and prints throughput, latency, heap and Redis bytes
 * per mention. Always on an embedded Redis: a benchmark never writes into a shared one.
 */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static int run(Map<String, String> options) throws Exception {
        int mentions = Integer.parseInt(options.getOrDefault("mentions", "20000"));
        int seconds = Integer.parseInt(options.getOrDefault("webhook-seconds", "10"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "100"));
        System.out.printf("socialbot bench on %d cores, max heap %d MB, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        pipeline(mentions);
        if (seconds > 0) {
            webhook(seconds, threads, batch);
        }
        if (!"0".equals(options.getOrDefault("slack-commands", "300"))) {
            slackAcks(mentions, Integer.parseInt(options.getOrDefault("slack-commands", "300")));
        }
        return 0;
    }

    private static ConfigurableApplicationContext start(boolean web, String... overrides) {
        java.util.Map<String, String> props = new java.util.LinkedHashMap<>();
        for (String p : List.of("socialbot.redis.url=", "socialbot.slack.bot-token=", "socialbot.slack.app-token=",
                "socialbot.x.api-key=", "socialbot.x.bearer-token=", "socialbot.mention.replay.on-start=false",
                "socialbot.triage.worker.enabled=false", "socialbot.dry-run=true", "logging.level.root=WARN",
                "server.port=0")) {
            props.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
        }
        for (String o : overrides) {
            String p = o.startsWith("--") ? o.substring(2) : o;
            props.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
        }
        SpringApplication app = new SpringApplication(SocialbotApplication.class);
        app.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        return app.run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    static void pipeline(int count) throws Exception {
        Path dir = Files.createTempDirectory("socialbot-bench");
        Path file = writeOutage(dir.resolve("incident.jsonl"), count, 42, "twitter");
        try (ConfigurableApplicationContext context = start(false)) {
            UnifiedJedis redis = context.getBean(UnifiedJedis.class);
            MentionStore store = context.getBean(MentionStore.class);
            TriageWorker worker = ReplayCommand.rehearsalWorker(context);
            // warm up the JIT and the classifiers on a small file first, as a running bot would be
            Path warm = writeOutage(dir.resolve("warm.jsonl"), 2_000, 7, "warm-up");
            ReplayCommand.dryRun(warm, ReplayPace.AS_FAST_AS_POSSIBLE, Files.createDirectories(dir.resolve("warm")), store, worker,
                    Progress.NONE);
            long redisBefore = usedMemory(redis);
            System.gc();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            AtomicLong peakHeap = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long started = System.nanoTime();
            IngestSummary summary = ReplayCommand.dryRun(file, ReplayPace.AS_FAST_AS_POSSIBLE,
                    Files.createDirectories(dir.resolve("out")), store, worker, Progress.NONE);
            double secondsTaken = (System.nanoTime() - started) / 1e9;
            sampler.interrupt();
            long redisAfter = usedMemory(redis);
            System.out.printf("pipeline: %d mentions replayed through Redis and triage in %.2f s (%.0f mentions/s), "
                            + "%s%n", summary.accepted(), secondsTaken, summary.accepted() / secondsTaken, summary);
            System.out.printf("memory: peak heap used %d MB during the replay; Redis %.0f bytes per mention with its "
                    + "decision and clusters%n", peakHeap.get() >> 20,
                    (redisAfter - redisBefore) / (double) Math.max(1, summary.accepted()));
        }
    }

    static void webhook(int seconds, int threads, int batchSize) throws Exception {
        String secret = "bench-secret";
        try (ConfigurableApplicationContext context = start(true, "--socialbot.mention.webhook.secret=" + secret)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            URI uri = URI.create("http://127.0.0.1:" + port + "/webhook/mentions");
            WebhookSignature signer = new WebhookSignature(secret, Clock.systemUTC());
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(threads)).build();
            Histogram latency = new Histogram(60_000_000_000L, 3);
            AtomicLong accepted = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicLong sequence = new AtomicLong();
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            long started = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        StringBuilder body = new StringBuilder();
                        for (int i = 0; i < batchSize; i++) {
                            long n = sequence.incrementAndGet();
                            body.append(MentionJson.write(new Mention("wh" + n, "bench", Instant.now(),
                                    "@BrandTel still no signal in Leeds " + n,
                                    new Mention.Author(null, "user" + n, null, n % 5000, false), null, null, null, null,
                                    null))).append('\n');
                        }
                        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                        String ts = String.valueOf(Instant.now().getEpochSecond());
                        HttpRequest request = HttpRequest.newBuilder(uri)
                                .header(WebhookSignature.TIMESTAMP_HEADER, ts)
                                .header(WebhookSignature.SIGNATURE_HEADER, "v1=" + signer.sign(ts, bytes))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
                        long sent = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        synchronized (latency) {
                            latency.recordValue(System.nanoTime() - sent);
                        }
                        if (response.statusCode() == 202) {
                            accepted.addAndGet(batchSize);
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double took = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            System.out.printf("webhook: %d mentions accepted in %.1f s = %.0f mentions/s (%d threads, batches of %d, "
                            + "%d failed requests); request latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    accepted.get(), took, accepted.get() / took, threads, batchSize, failed.get(),
                    latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                    latency.getMaxValue() / 1e6);
        }
    }

    /**
     * Slash-command ack latency over real HTTP while a replay runs through the live pipeline (worker on, cases
     * posted): Slack needs the ack within 3 s. The Web API is a local stand-in answering {@code ok}.
     */
    static void slackAcks(int mentions, int commands) throws Exception {
        com.sun.net.httpserver.HttpServer slack = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        slack.setExecutor(Executors.newFixedThreadPool(4));
        AtomicLong webApiCalls = new AtomicLong();
        slack.createContext("/", exchange -> {
            webApiCalls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] ok = ("{\"ok\":true,\"user_id\":\"U0BOT\",\"team_id\":\"T0\",\"bot_id\":\"B0\","
                    + "\"channel\":\"C0\",\"ts\":\"1700000000.000100\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        slack.start();
        String base = "http://127.0.0.1:" + slack.getAddress().getPort();
        String secret = "bench-signing-secret";
        Path file = writeOutage(Files.createTempDirectory("socialbot-acks").resolve("incident.jsonl"), mentions, 42,
                "twitter");
        try (ConfigurableApplicationContext context = start(true, "socialbot.slack.bot-token=xoxb-bench",
                "socialbot.slack.signing-secret=" + secret, "socialbot.slack.api-url=" + base + "/api/",
                "socialbot.triage.worker.enabled=true", "socialbot.dry-run=false")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            MentionStore store = context.getBean(MentionStore.class);
            TriageWorker worker = context.getBean(TriageWorker.class);
            long triagedBefore = worker.triaged();
            Thread replay = new Thread(() -> {
                try {
                    new io.socialbot.mention.replay.ReplayRunner(store).run(file, ReplayPace.AS_FAST_AS_POSSIBLE,
                            r -> { });
                } catch (Exception e) {
                    System.out.println("replay failed: " + e);
                }
            });
            HttpClient http = HttpClient.newHttpClient();
            com.slack.api.app_backend.SlackSignature.Generator signer =
                    new com.slack.api.app_backend.SlackSignature.Generator(secret);
            Histogram acks = new Histogram(60_000_000_000L, 3);
            long started = System.nanoTime();
            replay.start();
            int failed = 0;
            for (int i = 0; i < commands; i++) {
                String body = "command=%2Fqueue&text=&user_id=U0BENCH&team_id=T0&channel_id=C0&trigger_id=1.2.3"
                        + "&response_url=" + java.net.URLEncoder.encode(base + "/response_url", StandardCharsets.UTF_8);
                String ts = String.valueOf(Instant.now().getEpochSecond());
                long sent = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/slack/events")).header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signer.generate(ts, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                acks.recordValue(System.nanoTime() - sent);
                if (r.statusCode() != 200) {
                    failed++;
                }
                Thread.sleep(10);
            }
            replay.join();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (worker.triaged() - triagedBefore < mentions && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            double took = (System.nanoTime() - started) / 1e9;
            System.out.printf("slack acks: %d /queue commands during a %d-mention replay through the live pipeline "
                            + "(%d triaged in %.1f s, %d Web API calls): ack p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                            + "%d not 200%n", commands, mentions, worker.triaged() - triagedBefore, took,
                    webApiCalls.get(), acks.getValueAtPercentile(50) / 1e6, acks.getValueAtPercentile(99) / 1e6,
                    acks.getMaxValue() / 1e6, failed);
        } finally {
            slack.stop(0);
        }
    }

    /** A seeded outage over six hours; {@code source} keeps the warm-up's ids apart from the measured run's. */
    static Path writeOutage(Path file, int count, long seed, String source) throws java.io.IOException {
        try (java.io.BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Mention m : OutageGenerator.generate(count, seed, Instant.parse("2026-03-02T07:00:00Z"),
                    Duration.ofHours(6), "@BrandTel")) {
                w.write(MentionJson.write(new Mention(m.id(), source, m.createdAt(), m.text(), m.author(), m.url(),
                        m.lang(), m.retweetOf(), m.inReplyTo(), m.metrics())));
                w.newLine();
            }
        }
        return file;
    }

    private static long usedMemory(UnifiedJedis redis) {
        Object reply = redis.sendCommand(Protocol.Command.INFO, "memory");
        String info = new String((byte[]) reply, StandardCharsets.UTF_8);
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        return 0;
    }
}
