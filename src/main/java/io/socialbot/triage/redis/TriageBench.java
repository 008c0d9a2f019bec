package io.socialbot.triage.redis;

import io.socialbot.mention.Mention;
import io.socialbot.platform.redis.EmbeddedRedis;
import io.socialbot.platform.redis.RedisClients;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisProperties;
import io.socialbot.triage.ClusterIndex;
import io.socialbot.triage.DefaultMentionTriage;
import io.socialbot.triage.InMemoryClusterIndex;
import io.socialbot.triage.InMemoryRateGuard;
import io.socialbot.triage.LanguageIdentifier;
import io.socialbot.triage.OutageGenerator;
import io.socialbot.triage.RateGuard;
import io.socialbot.triage.SentimentClassifier;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code bench-triage}: triage throughput on one thread over a generated 20,000-mention outage, with in-memory
 * ports and with the Redis ports (an embedded server unless {@code --redis=redis://...}; each run writes keys
 * under a fresh {@code bench*} namespace that expire after ten minutes). Language and sentiment are cheap
 * stand-ins here, so the figures are for everything else in triage.
 */
public final class TriageBench {

    private record Ports(ClusterIndex clusters, RateGuard rateGuard) {
    }

    private TriageBench() {
    }

    public static int run(Map<String, String> options) {
        int count = Integer.parseInt(options.getOrDefault("mentions", "20000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        if (count < 1 || rounds < 1) {
            throw new IllegalArgumentException("--mentions and --rounds must be positive");
        }
        TriageProperties settings = shippedSettings();
        List<Mention> mentions = OutageGenerator.generate(count, 42, Instant.parse("2026-11-23T08:00:00Z"),
                Duration.ofHours(1), "@" + settings.brand().handles().get(0));
        System.out.printf(Locale.ROOT, "bench-triage: %,d generated outage mentions, one thread, %d rounds each%n",
                count, rounds);
        System.out.println("  (language and sentiment are keyword stand-ins here, not the OpenNLP classifiers)");

        Result memory = measure(settings, mentions, rounds,
                () -> new Ports(new InMemoryClusterIndex(), new InMemoryRateGuard(Clock.systemUTC(), settings.rateGuard())));
        print("in-memory ports", memory, count);

        String url = options.get("redis");
        EmbeddedRedis embedded = url == null ? EmbeddedRedis.start() : null;
        try (UnifiedJedis jedis = RedisClients.connect(embedded != null ? embedded.url() : url,
                new RedisProperties(null, "sb", Duration.ofSeconds(5), 4))) {
            Result onRedis = measure(settings, mentions, Math.max(1, rounds / 2), () -> {
                RedisKeys keys = new RedisKeys("bench" + UUID.randomUUID().toString().substring(0, 8));
                return new Ports(new RedisClusterIndex(jedis, keys, Duration.ofMinutes(10)),
                        new RedisRateGuard(jedis, keys, Clock.systemUTC(), settings.rateGuard(),
                                Duration.ofMinutes(10)));
            });
            print("redis ports" + (embedded != null ? " (embedded redis-server)" : ""), onRedis, count);
        } finally {
            if (embedded != null) {
                embedded.stop();
            }
        }
        return 0;
    }

    private record Result(List<Double> perSecond, Map<TriageDecision.Priority, Integer> priorities, int clusters,
                          int posted, int refused, int irrelevant) {
    }

    private static Result measure(TriageProperties settings, List<Mention> mentions, int rounds, Supplier<Ports> ports) {
        List<Double> rates = new ArrayList<>();
        Result last = null;
        for (int round = -1; round < rounds; round++) { // round -1 warms the JIT up
            Ports p = ports.get();
            var triage = new DefaultMentionTriage(settings, languages(), sentiments(), p.clusters(), p.rateGuard());
            List<TriageDecision> decisions = new ArrayList<>(mentions.size());
            long start = System.nanoTime();
            for (Mention m : mentions) {
                decisions.add(triage.triage(m));
            }
            long nanos = System.nanoTime() - start;
            if (round >= 0) {
                rates.add(mentions.size() * 1e9 / nanos);
            }
            last = summarise(rates, decisions);
        }
        return last;
    }

    private static Result summarise(List<Double> rates, List<TriageDecision> decisions) {
        Map<TriageDecision.Priority, Integer> priorities = new EnumMap<>(TriageDecision.Priority.class);
        Set<String> clusters = new HashSet<>();
        int posted = 0;
        int refused = 0;
        int irrelevant = 0;
        for (TriageDecision d : decisions) {
            priorities.merge(d.priority(), 1, Integer::sum);
            clusters.add(d.cluster().id());
            posted += d.postedTo() != null ? 1 : 0;
            refused += d.reasons().stream().anyMatch(r -> r.endsWith(" rate limit")) ? 1 : 0;
            irrelevant += d.relevant() ? 0 : 1;
        }
        return new Result(rates, priorities, clusters.size(), posted, refused, irrelevant);
    }

    private static void print(String name, Result r, int count) {
        List<Double> sorted = new ArrayList<>(r.perSecond());
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "  %s: median %,.0f mentions/s, best %,.0f, worst %,.0f (%.1f us/mention)%n",
                name, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.get(0),
                1e6 / sorted.get(sorted.size() / 2));
        System.out.printf(Locale.ROOT, "    %,d clusters for %,d mentions; posted %,d, refused by the rate guard %,d,"
                + " not relevant %,d; %s%n", r.clusters(), count, r.posted(), r.refused(), r.irrelevant(), r.priorities());
    }

    /** The defaults shipped in {@code config/triage.yml}, bound the way the application binds them. */
    static TriageProperties shippedSettings() {
        try {
            var yaml = new YamlPropertySourceLoader().load("triage", new ClassPathResource("config/triage.yml")).get(0);
            return new Binder(ConfigurationPropertySources.from(yaml)).bind("socialbot.triage", TriageProperties.class)
                    .get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LanguageIdentifier languages() {
        return text -> Optional.of(text.contains(" geen ") ? "nl" : text.contains(" sin ") ? "es" : "en");
    }

    private static SentimentClassifier sentiments() {
        return text -> text.indexOf('!') >= 0 || text.contains("down") || text.contains("useless")
                ? new TriageDecision.Sentiment(TriageDecision.Sentiment.Label.NEGATIVE, -0.7)
                : new TriageDecision.Sentiment(TriageDecision.Sentiment.Label.NEUTRAL, 0);
    }
}
