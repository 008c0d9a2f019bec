package io.socialbot.incident.redis;

import io.socialbot.incident.CaseLinks;
import io.socialbot.casework.CaseEvent;
import io.socialbot.incident.DigestComposer;
import io.socialbot.incident.SafetyCases;
import io.socialbot.incident.IncidentMentionCounter;
import io.socialbot.incident.IncidentProperties;
import io.socialbot.incident.chart.XChartDigestChart;
import io.socialbot.mention.Mention;
import io.socialbot.platform.redis.EmbeddedRedis;
import io.socialbot.platform.redis.RedisClients;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisProperties;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.CaseTimeline;
import io.socialbot.stats.CaseTimelineStore;
import io.socialbot.stats.StatsProperties;
import io.socialbot.stats.StatsService;
import io.socialbot.triage.TriageDecision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code incident-bench [--mentions=100000] [--hours=24]}: counts a generated incident into the hourly counters
 * on an embedded Redis, then composes a whole-incident digest and draws its chart, and prints the figures.
 */
public final class IncidentBench {

    private IncidentBench() {
    }

    public static int run(Map<String, String> options) throws Exception {
        int mentions = Integer.parseInt(options.getOrDefault("mentions", "100000"));
        int hours = Integer.parseInt(options.getOrDefault("hours", "24"));
        try (EmbeddedRedis server = EmbeddedRedis.start();
             UnifiedJedis redis = RedisClients.connect(server.url(),
                     new RedisProperties(server.url(), "bench", Duration.ofSeconds(5), 8))) {
            RedisKeys keys = new RedisKeys("bench");
            IncidentProperties properties = IncidentProperties.defaults();
            Instant start = Instant.parse("2026-03-02T06:00:00Z");
            Instant end = start.plus(Duration.ofHours(hours));
            RedisIncidentStore incidents = new RedisIncidentStore(redis, keys);
            incidents.start("bench", "C0", "U0", start);
            RedisDigestCounts counts = new RedisDigestCounts(redis, keys, Duration.ofDays(1));
            IncidentMentionCounter counter = new IncidentMentionCounter(incidents, counts, properties);
            long memBefore = usedMemory(redis);
            Random random = new Random(1);
            String[] themes = {"outage", "billing", "refund", "coverage", "safety"};
            long t0 = System.nanoTime();
            for (int i = 0; i < mentions; i++) {
                Instant at = start.plusMillis((long) (random.nextDouble() * hours * 3_600_000L));
                String handle = "user" + random.nextInt(mentions / 3 + 1);
                Mention m = new Mention("m" + i, "x", at, "still down in town " + i,
                        new Mention.Author(handle, handle, handle, random.nextInt(50_000), false), null, "en",
                        random.nextInt(4) == 0 ? "rt" : null, null, null);
                var label = TriageDecision.Sentiment.Label.values()[random.nextInt(3)];
                counter.onDecision(m, new TriageDecision(m.key(), m.id(), "en",
                        new TriageDecision.Sentiment(label, 0), TriageDecision.Priority.P3, List.of(),
                        List.of(themes[random.nextInt(themes.length)]),
                        new TriageDecision.Cluster("x:c" + random.nextInt(500), TriageDecision.Cluster.Kind.CONTENT,
                                random.nextInt(300) + 1), true, null));
            }
            double recordSeconds = (System.nanoTime() - t0) / 1e9;
            long memAfter = usedMemory(redis);
            Clock clock = Clock.fixed(end, ZoneOffset.UTC);
            DigestComposer composer = new DigestComposer(incidents, counts,
                    new StatsService(new NoCases(), StatsProperties.defaults(), clock), new SafetyCases(key -> Optional.empty()),
                    CaseLinks.NONE, new io.socialbot.triage.InMemorySentimentLabels(), new PromptTemplates(null), properties, clock);
            var incident = incidents.current().orElseThrow();
            composer.compose(incident, end.minus(Duration.ofHours(1)), end, null); // warm-up
            long t1 = System.nanoTime();
            var hourly = composer.compose(incident, end.minus(Duration.ofHours(1)), end, null);
            double hourlyMs = (System.nanoTime() - t1) / 1e6;
            long t2 = System.nanoTime();
            composer.compose(incident, start, end, null);
            double wholeMs = (System.nanoTime() - t2) / 1e6;
            long t3 = System.nanoTime();
            byte[] png = new XChartDigestChart(properties.chartWidth(), properties.chartHeight())
                    .png(hourly.figures());
            double chartMs = (System.nanoTime() - t3) / 1e6;
            System.out.printf("counted %d mentions over %d h: %.0f mentions/s (one thread, pipelined per mention)%n",
                    mentions, hours, mentions / recordSeconds);
            System.out.printf("Redis memory for the counters: %.1f MB (%.0f bytes per incident-hour of %d mentions)%n",
                    (memAfter - memBefore) / 1e6, (memAfter - memBefore) / (double) hours, mentions / hours);
            System.out.printf("hourly digest composed in %.1f ms; whole-incident digest (%d h) in %.1f ms%n",
                    hourlyMs, hours, wholeMs);
            System.out.printf("chart drawn in %.1f ms, %d bytes PNG%n", chartMs, png.length);
        }
        return 0;
    }

    private static long usedMemory(UnifiedJedis redis) {
        Object info = redis.sendCommand(Protocol.Command.INFO, "memory");
        String text = info instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(info);
        for (String line : text.split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        return 0;
    }

    /** No cases: the bench measures the mention counters. */
    private static final class NoCases implements CaseTimelineStore {
        @Override
        public void on(CaseEvent event) {
        }

        @Override
        public List<CaseTimeline> receivedBetween(Instant from, Instant to) {
            return List.of();
        }

        @Override
        public List<CaseTimeline> forIncident(String incident) {
            return List.of();
        }

        @Override
        public List<CaseTimeline> open() {
            return List.of();
        }

        @Override
        public Optional<CaseTimeline> find(String caseKey) {
            return Optional.empty();
        }
    }
}
