package io.socialbot.bench;

import io.socialbot.SocialbotApplication;
import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionJson;
import io.socialbot.mention.webhook.WebhookSignature;
import io.socialbot.support.slack.SlackApiStub;
import io.socialbot.triage.DecisionStore;
import io.socialbot.triage.OutageGenerator;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageWorker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Delivery benchmark (prints figures, asserts none): a 20,000-mention storm through the webhook, live triage and the
 * outbox, against the Slack stand-in, once with a quiet Slack and once answering 429 ({@code Retry-After: 2}) to
 * every third post. Prints triage throughput and webhook-202 to chat.postMessage for P1 cases, raw and after the
 * Retry-After waits Slack imposed on that case. Run: {@code ./mvnw -o test -Dtest=DeliveryBench -Dbench=true}
 * or its {@link #main}.
 */
class DeliveryBench {

    @Test
    @EnabledIfSystemProperty(named = "bench", matches = "true")
    void run() throws Exception {
        main(new String[] {System.getProperty("bench.mentions", "20000")});
    }

    public static void main(String[] args) throws Exception {
        int mentions = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        System.out.printf("delivery bench on %d cores, %d mentions%n", Runtime.getRuntime().availableProcessors(),
                mentions);
        round(Math.min(2_000, mentions), 0, false); // warm-up: JIT, classifiers, Redis scripts
        for (int every : new int[] {0, 3, 0, 3}) {
            round(mentions, every, true);
        }
    }

    static void round(int count, int limitEvery, boolean print) throws Exception {
        try (SlackApiStub slack = new SlackApiStub()) {
            if (limitEvery > 0) {
                slack.rateLimitEvery(limitEvery, 2);
            }
            String secret = "bench-secret";
            SpringApplication app = new SpringApplication(SocialbotApplication.class);
            try (ConfigurableApplicationContext context = app.run("--socialbot.redis.url=",
                    "--socialbot.redis.namespace=db" + UUID.randomUUID().toString().substring(0, 6),
                    "--socialbot.mention.replay.on-start=false", "--socialbot.mention.webhook.secret=" + secret,
                    "--socialbot.slack.bot-token=xoxb-bench", "--socialbot.slack.signing-secret=bench",
                    "--socialbot.slack.api-url=" + slack.methodsUrl(), "--socialbot.slack.ops-channel=#ops",
                    "--socialbot.x.api-key=", "--socialbot.x.bearer-token=", "--logging.level.root=WARN",
                    "--logging.level.io.socialbot=ERROR", "--server.port=0")) {
                int port = ((WebServerApplicationContext) context).getWebServer().getPort();
                TriageWorker worker = context.getBean(TriageWorker.class);
                DecisionStore decisions = context.getBean(DecisionStore.class);
                List<Mention> storm = OutageGenerator.generate(count, 42, Instant.now().minus(Duration.ofHours(1)),
                        Duration.ofHours(1), "@BrandTel");
                Map<String, Long> acceptedAt = new HashMap<>();
                URI uri = URI.create("http://127.0.0.1:" + port + "/webhook/mentions");
                WebhookSignature signer = new WebhookSignature(secret, Clock.systemUTC());
                HttpClient http = HttpClient.newHttpClient();
                long before = worker.triaged();
                long started = System.nanoTime();
                for (int i = 0; i < storm.size(); i += 100) {
                    StringBuilder body = new StringBuilder();
                    List<Mention> batch = storm.subList(i, Math.min(storm.size(), i + 100));
                    for (Mention m : batch) {
                        body.append(MentionJson.write(m)).append('\n');
                    }
                    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                    String ts = String.valueOf(Instant.now().getEpochSecond());
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                            .header(WebhookSignature.TIMESTAMP_HEADER, ts)
                            .header(WebhookSignature.SIGNATURE_HEADER, "v1=" + signer.sign(ts, bytes))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
                    long at = System.currentTimeMillis();
                    if (r.statusCode() == 202) {
                        batch.forEach(m -> acceptedAt.put(m.key(), at));
                    }
                }
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (worker.triaged() - before < acceptedAt.size() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                double triageSeconds = (System.nanoTime() - started) / 1e9;
                long triaged = worker.triaged() - before;
                // P1 cases: wait until each is posted (or a minute passes)
                List<String> p1 = new ArrayList<>();
                for (String key : acceptedAt.keySet()) {
                    decisions.find(key).filter(d -> d.priority() == TriageDecision.Priority.P1 && d.postedTo() != null)
                            .ifPresent(d -> p1.add(key));
                }
                long postDeadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (System.nanoTime() < postDeadline && !p1.stream().allMatch(k ->
                        slack.workspace().postsPerCase().containsKey(k))) {
                    Thread.sleep(50);
                }
                Histogram raw = new Histogram(3_600_000L, 3);
                Histogram afterWaits = new Histogram(3_600_000L, 3);
                Map<String, Long> postedAt = new HashMap<>();
                Map<String, Integer> limited = new HashMap<>();
                for (SlackApiStub.Call c : slack.calls("chat.postMessage")) {
                    String key = caseOf(c);
                    if (key != null) {
                        limited.merge(key, 0, Integer::sum);
                    }
                }
                slack.postTimes().forEach(postedAt::put);
                slack.rateLimitedCases().forEach((k, n) -> limited.merge(k, n, Integer::sum));
                int missing = 0;
                for (String key : p1) {
                    Long posted = postedAt.get(key);
                    if (posted == null) {
                        missing++;
                        continue;
                    }
                    long ms = Math.max(0, posted - acceptedAt.get(key));
                    raw.recordValue(ms);
                    afterWaits.recordValue(Math.max(0, ms - 2_000L * limited.getOrDefault(key, 0)));
                }
                if (!print) {
                    return;
                }
                System.out.printf("%s: %d triaged in %.2f s = %.0f mentions/s; %d cases posted, %d P1; P1 webhook-202 "
                                + "to chat.postMessage p50 %d ms, p99 %d ms, max %d ms; after Retry-After p99 %d ms; "
                                + "%d P1 not posted; %d calls answered 429, %d too early%n",
                        limitEvery == 0 ? "quiet Slack" : "429 to 1 in " + limitEvery + " posts", triaged,
                        triageSeconds, triaged / triageSeconds, slack.workspace().postsPerCase().size(), p1.size(),
                        raw.getValueAtPercentile(50), raw.getValueAtPercentile(99), raw.getMaxValue(),
                        afterWaits.getValueAtPercentile(99), missing, slack.rateLimitedCases().values().stream()
                                .mapToInt(Integer::intValue).sum(), slack.callsTooEarly());
            }
        }
    }

    private static String caseOf(SlackApiStub.Call c) {
        String m = c.param("metadata");
        if (m == null) {
            return null;
        }
        int i = m.indexOf("\"case\":\"");
        return i < 0 ? null : m.substring(i + 8, m.indexOf('"', i + 8));
    }
}
