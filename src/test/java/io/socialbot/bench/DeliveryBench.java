package io.socialbot.bench;

import io.socialbot.SocialbotApplication;
import io.socialbot.casework.CaseWork;
import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionJson;
import io.socialbot.mention.webhook.WebhookSignature;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.slack.CasePostLog;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import redis.clients.jedis.UnifiedJedis;

/**
 * Delivery benchmark (prints figures, asserts none): a 20,000-mention storm through the webhook, live triage and the
 * outbox, against the Slack stand-in, with a quiet Slack and with one answering 429 ({@code Retry-After: 2}, the
 * channel then refused for 2 s) to every third post, {@code bench.runs} times each (default 3), alternating. Prints,
 * per round and as medians: triage throughput, the share of posts answered 429, and webhook-202 to the case's first
 * accepted chat.postMessage for P1 cases: raw; "after its own Retry-After", which subtracts only the Retry-After
 * seconds Slack answered to that post's own attempts (the old measure: waits caused by other posts' 429s stay in); and
 * "after the channel's pauses", which subtracts every moment, after triage recorded the case, that the post's channel
 * was paused by a Retry-After Slack gave to any post in it (chat.postMessage is limited per channel: during the pause
 * Slack refuses every post there; a pause while the case was still in triage's backlog is not subtracted).
 * Each round also prints where the P1 time went ({@link DeliveryBreakdown}).
 * Run: {@code ./mvnw -o test -Dtest=DeliveryBench -Dbench=true [-Dbench.runs=3] [-Dbench.rate=200]} or its
 * {@link #main}.
 */
class DeliveryBench {

    @Test
    @EnabledIfSystemProperty(named = "bench", matches = "true")
    void run() throws Exception {
        main(new String[] {System.getProperty("bench.mentions", "20000"), System.getProperty("bench.runs", "3"),
            System.getProperty("bench.rate", "0")});
    }

    /** One round's figures. */
    record Round(boolean throttled, double triagePerSecond, int posts, int p1, long p50, long p99, long max,
                 long p99AfterRetryAfter, int missing, int postCalls, int answered429, int tooEarly, long p1Waits,
                 long p1MaxWait, int updates, long decidedP50, long decidedP99, long p99AfterChannelPauses,
                 List<String> breakdown) {

        String line() {
            return String.format(Locale.ROOT, "%s: triage %.0f mentions/s; %d cases posted (%d chat.postMessage calls, "
                            + "%d answered 429 = %.1f%%, %d too early), %d chat.update; %d P1 posts: webhook-202 to "
                            + "chat.postMessage p50 %d ms, p99 %d ms, max %d ms; after Retry-After p99 %d ms (Retry-After "
                            + "imposed on P1 posts: %d s in all, at most %d s on one); case recorded by triage to "
                            + "chat.postMessage after Retry-After p50 %d ms, p99 %d ms; after the channel's pauses p99 "
                            + "%d ms; %d P1 not posted%n%s",
                    throttled ? "429 to 1 in 3 posts" : "quiet Slack", triagePerSecond, posts, postCalls, answered429,
                    postCalls == 0 ? 0.0 : 100.0 * answered429 / postCalls, tooEarly, updates, p1, p50, p99, max,
                    p99AfterRetryAfter, p1Waits, p1MaxWait, decidedP50, decidedP99, p99AfterChannelPauses, missing,
                    String.join(System.lineSeparator(), breakdown));
        }
    }

    public static void main(String[] args) throws Exception {
        int mentions = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        System.out.printf("delivery bench on %d cores, %d mentions offered %s, %d runs each; load average %s%n",
                Runtime.getRuntime().availableProcessors(), mentions, rate > 0 ? "at " + rate + "/s"
                        : "as fast as the webhook takes them", runs, loadAverage());
        round(Math.min(2_000, mentions), false, 0); // warm-up: JIT, classifiers, Redis scripts
        List<Round> quiet = new ArrayList<>();
        List<Round> throttled = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            for (boolean limit : new boolean[] {false, true}) {
                Round r = round(mentions, limit, rate);
                System.out.println(r.line() + "; load average " + loadAverage());
                (limit ? throttled : quiet).add(r);
            }
        }
        double q = median(quiet.stream().mapToDouble(Round::triagePerSecond).toArray());
        double t = median(throttled.stream().mapToDouble(Round::triagePerSecond).toArray());
        System.out.printf(Locale.ROOT, "MEDIANS of %d: triage quiet %.0f/s, throttled %.0f/s (%+.1f%%); throttled: 429 "
                        + "share %.1f%%, P1 p99 raw %.0f ms, after its own Retry-After %.0f ms, after the channel's "
                        + "Retry-After pauses %.0f ms, triage-to-post after Retry-After "
                        + "%.0f ms; quiet: P1 p99 %.0f ms, triage-to-post %.0f ms%n", runs, q,
                t, 100 * (t - q) / q,
                median(throttled.stream().mapToDouble(r -> 100.0 * r.answered429() / Math.max(1, r.postCalls())).toArray()),
                median(throttled.stream().mapToDouble(Round::p99).toArray()),
                median(throttled.stream().mapToDouble(Round::p99AfterRetryAfter).toArray()),
                median(throttled.stream().mapToDouble(Round::p99AfterChannelPauses).toArray()),
                median(throttled.stream().mapToDouble(Round::decidedP99).toArray()),
                median(quiet.stream().mapToDouble(Round::p99).toArray()),
                median(quiet.stream().mapToDouble(Round::decidedP99).toArray()));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** @param rate mentions a second offered to the webhook; 0: as fast as it takes them (triage then lags) */
    static Round round(int count, boolean throttled, int rate) throws Exception {
        try (SlackApiStub slack = new SlackApiStub()) {
            if (throttled) {
                slack.rateLimitEvery(3, 2);
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
                    long due = started + (rate > 0 ? (long) (i * 1e9 / rate) : 0);
                    while (System.nanoTime() < due) {
                        Thread.sleep(Math.max(1, (due - System.nanoTime()) / 1_000_000));
                    }
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
                // P1 posts: the mention whose decision took the post, and the case (its cluster) it opened
                Map<String, String> p1 = new HashMap<>();
                for (String key : acceptedAt.keySet()) {
                    decisions.find(key).filter(d -> d.priority() == TriageDecision.Priority.P1 && d.postedTo() != null)
                            .ifPresent(d -> p1.put(key, d.cluster() == null ? key : d.cluster().id()));
                }
                long postDeadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (System.nanoTime() < postDeadline && !p1.values().stream().allMatch(k ->
                        slack.postLog().postTimes().containsKey(k))) {
                    Thread.sleep(50);
                }
                Histogram raw = new Histogram(3_600_000L, 3);
                Histogram afterWaits = new Histogram(3_600_000L, 3);
                Histogram decided = new Histogram(3_600_000L, 3);
                CaseWork cases = context.getBean(CaseWork.class);
                Map<String, Long> postedAt = slack.postLog().postTimes();
                Map<String, Long> waits = slack.postLog().retryAfterPerCase();
                int missing = 0;
                List<CasePostLog.PostAttempt> attempts = slack.postLog().postAttempts();
                Map<String, List<long[]>> pauses = DeliveryBreakdown.pauses(attempts);
                UnifiedJedis redis = context.getBean(UnifiedJedis.class);
                RedisKeys keys = context.getBean(RedisKeys.class);
                List<DeliveryBreakdown.Timeline> timelines = new ArrayList<>();
                long p1Waits = 0;
                long p1MaxWait = 0;
                for (Map.Entry<String, String> e : p1.entrySet()) {
                    Long posted = postedAt.get(e.getValue());
                    if (posted == null) {
                        missing++;
                        continue;
                    }
                    long waited = waits.getOrDefault(e.getValue(), 0L);
                    p1Waits += waited;
                    p1MaxWait = Math.max(p1MaxWait, waited);
                    long ms = Math.max(0, posted - acceptedAt.get(e.getKey()));
                    raw.recordValue(ms);
                    afterWaits.recordValue(Math.max(0, ms - 1_000L * waited));
                    // from when triage recorded the case (the outbox's part alone, without triage's backlog)
                    cases.find(e.getValue()).map(c -> c.received().toEpochMilli()).ifPresent(at ->
                            decided.recordValue(Math.max(0, posted - at - 1_000L * waited)));
                    List<CasePostLog.PostAttempt> calls = attempts.stream()
                            .filter(a -> a.caseKey().equals(e.getValue())).toList();
                    long accepted = acceptedAt.get(e.getKey());
                    String first = redis.hget(keys.key("case", e.getValue()), "first");
                    long recorded = cases.find(e.getValue()).map(c -> c.received().toEpochMilli()).orElse(accepted);
                    // only pauses while the case waited in the outbox: a pause during triage's own backlog delayed
                    // nothing Slack could be blamed for, and subtracting it would hide that backlog
                    long paused = calls.isEmpty() ? 0 : DeliveryBreakdown.covered(pauses.get(calls.get(0).channel()),
                            recorded, posted);
                    timelines.add(new DeliveryBreakdown.Timeline(e.getValue(), accepted, recorded,
                            first == null ? -1 : Long.parseLong(first), posted, calls, 1_000L * waited, paused));
                }
                int postCalls = (int) slack.calls("chat.postMessage").stream()
                        .filter(c -> c.param("metadata") != null).count();
                int limited = slack.postLog().rateLimitedCases().values().stream().mapToInt(Integer::intValue).sum();
                return new Round(throttled, triaged / triageSeconds, slack.workspace().postsPerCase().size(), p1.size(),
                        raw.getValueAtPercentile(50), raw.getValueAtPercentile(99), raw.getMaxValue(),
                        afterWaits.getValueAtPercentile(99), missing, postCalls, limited, slack.callsTooEarly(), p1Waits,
                        p1MaxWait, slack.calls("chat.update").size(), decided.getValueAtPercentile(50),
                        decided.getValueAtPercentile(99),
                        DeliveryBreakdown.p(timelines, DeliveryBreakdown.Timeline::afterChannelPauses, 99),
                        DeliveryBreakdown.lines(timelines));
            }
        }
    }
}
