package io.socialbot.stats.redis;

import io.socialbot.casework.CaseEvent;
import io.socialbot.platform.redis.EmbeddedRedis;
import io.socialbot.platform.redis.RedisClients;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisProperties;
import io.socialbot.stats.CaseTimeline;
import io.socialbot.stats.ReportWindow;
import io.socialbot.stats.ResponseTimeReport;
import io.socialbot.stats.StatsProperties;
import io.socialbot.stats.StatsService;
import io.socialbot.triage.TriageDecision.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code bench-stats}: writes generated cases spread over some days into Redis (embedded unless
 * {@code --redis=redis://...}) and times the report over all of them, read through the real store.
 */
public final class StatsBench {

    private StatsBench() {
    }

    public static int run(Map<String, String> options) {
        int cases = Integer.parseInt(options.getOrDefault("cases", "200000"));
        int days = Integer.parseInt(options.getOrDefault("days", "7"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        if (cases < 1 || days < 1 || days > 90 || runs < 1) {
            throw new IllegalArgumentException("--cases >= 1, --days 1-90, --runs >= 1");
        }
        String url = options.get("redis");
        EmbeddedRedis embedded = url == null ? EmbeddedRedis.start() : null;
        RedisProperties props = new RedisProperties(null, "bench", Duration.ofSeconds(10), 8);
        RedisKeys keys = new RedisKeys("bench-" + UUID.randomUUID().toString().substring(0, 8));
        try (UnifiedJedis redis = RedisClients.connect(embedded != null ? embedded.url() : url, props)) {
            Instant now = Instant.parse("2026-07-18T12:00:00Z");
            var store = new RedisCaseTimelineStore(redis, keys, Duration.ofDays(days + 1L));
            long t0 = System.nanoTime();
            List<CaseEvent> batch = new ArrayList<>();
            List<String> written = new ArrayList<>(cases);
            Random random = new Random(42);
            for (int i = 0; i < cases; i++) {
                generate(random, i, now.minus(Duration.ofDays(days)), Duration.ofDays(days), batch);
                written.add("x:" + i);
                if (batch.size() >= 20_000) {
                    store.onAll(batch);
                    batch.clear();
                }
            }
            store.onAll(batch);
            long writeMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("bench-stats: wrote %,d cases over %d days (%s Redis) in %,d ms%n", cases, days,
                    embedded != null ? "embedded" : "external", writeMs);

            StatsService stats = new StatsService(store, StatsProperties.defaults(),
                    Clock.fixed(now, ZoneOffset.UTC));
            ReportWindow window = stats.windows().parse(days + "d");
            long[] readMs = new long[runs];
            long[] totalMs = new long[runs];
            ResponseTimeReport report = null;
            for (int r = 0; r < runs; r++) {
                long a = System.nanoTime();
                List<CaseTimeline> loaded = stats.cases(window);
                long b = System.nanoTime();
                report = stats.report(window, loaded);
                long c = System.nanoTime();
                readMs[r] = (b - a) / 1_000_000;
                totalMs[r] = (c - a) / 1_000_000;
            }
            System.out.printf("bench-stats: %s report over %,d cases: read+compute ms per run %s "
                            + "(read only %s); best %d ms, median %d ms%n",
                    window.label(), report.total().cases(), Arrays.toString(totalMs), Arrays.toString(readMs),
                    Arrays.stream(totalMs).min().orElse(0), sortedMedian(totalMs));
            System.out.printf("bench-stats: P1 first reply p50 %s p90 %s, breaches %d of %d%n",
                    report.row(Priority.P1).toFirstReply().median(), report.row(Priority.P1).toFirstReply().p90(),
                    report.total().breaches(), report.total().cases());
            delete(redis, keys, written);
            return 0;
        } finally {
            if (embedded != null) {
                embedded.stop();
            }
        }
    }

    /** One case with plausible step times; about 3% are left waiting. */
    private static void generate(Random random, int i, Instant from, Duration span, List<CaseEvent> out) {
        String key = "x:" + i;
        Priority p = Priority.values()[random.nextInt(4)];
        Instant received = from.plusMillis((long) (random.nextDouble() * span.toMillis()));
        out.add(new CaseEvent.Received(key, p, i % 50 == 0 ? "outage" : null, received));
        out.add(new CaseEvent.Posted(key, "C0CARE", received.plusMillis(200 + random.nextInt(2000))));
        if (random.nextInt(100) < 3) {
            return;
        }
        String agent = "U" + (100 + random.nextInt(40));
        Instant claimed = received.plusSeconds(30 + random.nextInt(1800));
        Instant replied = claimed.plusSeconds(60 + random.nextInt(3600));
        out.add(new CaseEvent.Claimed(key, agent, claimed));
        out.add(new CaseEvent.Replied(key, agent, replied));
        out.add(new CaseEvent.Resolved(key, agent, replied.plusSeconds(random.nextInt(7200))));
    }

    private static long sortedMedian(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[(copy.length - 1) / 2];
    }

    private static void delete(UnifiedJedis redis, RedisKeys keys, List<String> caseKeys) {
        try (AbstractPipeline p = redis.pipelined()) {
            for (String k : caseKeys) {
                p.del(keys.key("stats", "case", k));
            }
            p.del(keys.key("stats", "received"));
            p.del(keys.key("stats", "open"));
            p.del(keys.key("stats", "incident", "outage"));
            p.sync();
        }
    }
}
