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
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.MentionTriage;
import io.socialbot.triage.OutageGenerator;
import io.socialbot.triage.RateGuard;
import io.socialbot.triage.SentimentClassifier;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageProperties;
import io.socialbot.triage.opennlp.CandidateModels;
import io.socialbot.triage.opennlp.DoccatSentimentClassifier;
import io.socialbot.triage.opennlp.OpenNlpLanguageIdentifier;
import io.socialbot.triage.opennlp.ShippedDoccatModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code bench-triage [--mentions=20000] [--rounds=5] [--batch=200] [--model=model.bin | --shares=4:0]}: all of
 * triage (the OpenNLP language identifier and the shipped sentiment, a model from {@code train}, or a candidate for
 * the shipped model at other members' shares, included) on one thread over a generated outage, in the worker's
 * batches, with in-memory ports and with the Redis ports (an embedded server unless {@code --redis=redis://...}; each run writes keys
 * under a fresh {@code bench*} namespace that expire after ten minutes), and on Redis one call per mention too.
 */
public final class TriageBench {

    private record Ports(ClusterIndex clusters, RateGuard rateGuard) {
    }

    private TriageBench() {
    }

    public static int run(Map<String, String> options) throws IOException {
        int count = Integer.parseInt(options.getOrDefault("mentions", "20000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "200"));
        if (count < 1 || rounds < 1 || batch < 1) {
            throw new IllegalArgumentException("--mentions, --rounds and --batch must be positive");
        }
        TriageProperties settings = shippedSettings();
        // a new outage each round, from seeds 42, 43...: a classifier that remembers texts (sentence embeddings)
        // must not be timed on the ones it saw the round before
        AtomicLong seeds = new AtomicLong(42);
        Supplier<List<Mention>> mentions = () -> OutageGenerator.generate(count, seeds.getAndIncrement(),
                Instant.parse("2026-11-23T08:00:00Z"), Duration.ofHours(1), "@" + settings.brand().handles().get(0));
        LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();
        String model = options.get("model");
        String shares = options.get("shares");
        SentimentClassifier sentiments;
        String name;
        if (model != null && shares != null) {
            throw new IllegalArgumentException("--model and --shares are alternatives: give one");
        }
        if (model != null) {
            sentiments = DoccatSentimentClassifier.load(Path.of(model), lexicon);
            name = "sentiment model " + model;
        } else if (shares != null) {
            // a candidate for the shipped model, trained on the corpus as the build trains it, blended as it is
            String[] parts = shares.split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("--shares is words:n-grams, like 4:6; got '" + shares + "'");
            }
            sentiments = CandidateModels.blended(lexicon, Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
            name = "the lexicon blended with a corpus model of shares words : n-grams " + shares;
        } else {
            sentiments = ShippedDoccatModel.blendedWith(lexicon);
            name = "shipped sentiment (lexicon and model)";
        }
        System.out.printf(Locale.ROOT, "bench-triage: %,d generated outage mentions, one thread, %d rounds each, "
                + "OpenNLP language identifier and %s%n", count, rounds, name);
        LanguageIdentifier languages = new OpenNlpLanguageIdentifier();

        Result memory = measure(settings, languages, sentiments, mentions, rounds, batch,
                () -> new Ports(new InMemoryClusterIndex(), new InMemoryRateGuard(Clock.systemUTC(), settings.rateGuard())));
        print("in-memory ports, batches of " + batch, memory, count);

        String url = options.get("redis");
        EmbeddedRedis embedded = url == null ? EmbeddedRedis.start() : null;
        try (UnifiedJedis jedis = RedisClients.connect(embedded != null ? embedded.url() : url,
                new RedisProperties(null, "sb", Duration.ofSeconds(5), 4))) {
            Supplier<Ports> redisPorts = () -> {
                RedisKeys keys = new RedisKeys("bench" + UUID.randomUUID().toString().substring(0, 8));
                return new Ports(new RedisClusterIndex(jedis, keys, Duration.ofMinutes(10)),
                        new RedisRateGuard(jedis, keys, Clock.systemUTC(), settings.rateGuard(),
                                Duration.ofMinutes(10)));
            };
            String server = embedded != null ? " (embedded redis-server)" : "";
            for (int size : new int[] {batch, 1}) {
                Result onRedis = measure(settings, languages, sentiments, mentions, Math.max(1, rounds / 2), size,
                        redisPorts);
                print("redis ports" + server + ", " + (size == 1 ? "one call per mention" : "batches of " + size),
                        onRedis, count);
            }
        } finally {
            if (embedded != null) {
                embedded.stop();
            }
        }
        return 0;
    }

    /**
     * @param perSecond    each round's mentions per second of wall time
     * @param perCpuSecond each round's mentions per second of the triage thread's own CPU time: on a machine other
     *                     work shares, the closer figure to a quiet machine's for the in-memory rounds (the Redis
     *                     rounds also wait on the server, which this leaves out)
     */
    private record Result(List<Double> perSecond, List<Double> perCpuSecond,
                          Map<TriageDecision.Priority, Integer> priorities, int clusters,
                          int posted, int refused, int irrelevant) {
    }

    private static Result measure(TriageProperties settings, LanguageIdentifier languages,
                                  SentimentClassifier sentiments, Supplier<List<Mention>> outages, int rounds,
                                  int batch, Supplier<Ports> ports) {
        List<Double> rates = new ArrayList<>();
        List<Double> cpuRates = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Result last = null;
        for (int round = -1; round < rounds; round++) { // round -1 warms the JIT up
            List<Mention> mentions = outages.get();
            Ports p = ports.get();
            var triage = new DefaultMentionTriage(settings, languages, sentiments, p.clusters(), p.rateGuard());
            List<TriageDecision> decisions = new ArrayList<>(mentions.size());
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (int from = 0; from < mentions.size(); from += batch) {
                List<Mention> slice = mentions.subList(from, Math.min(mentions.size(), from + batch));
                if (batch == 1) {
                    decisions.add(triage.triage(slice.get(0)));
                    continue;
                }
                for (MentionTriage.Outcome outcome : triage.triageAll(slice)) {
                    if (outcome instanceof MentionTriage.Outcome.Failed failed) {
                        throw failed.error();
                    }
                    decisions.add(((MentionTriage.Outcome.Triaged) outcome).decision());
                }
            }
            long nanos = System.nanoTime() - start;
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
            if (round >= 0) {
                rates.add(mentions.size() * 1e9 / nanos);
                cpuRates.add(mentions.size() * 1e9 / cpuNanos);
            }
            last = summarise(rates, cpuRates, decisions);
        }
        return last;
    }

    private static Result summarise(List<Double> rates, List<Double> cpuRates, List<TriageDecision> decisions) {
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
        return new Result(rates, cpuRates, priorities, clusters.size(), posted, refused, irrelevant);
    }

    private static void print(String name, Result r, int count) {
        List<Double> sorted = new ArrayList<>(r.perSecond());
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "  %s: median %,.0f mentions/s, best %,.0f, worst %,.0f (%.1f us/mention)%n",
                name, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.get(0),
                1e6 / sorted.get(sorted.size() / 2));
        List<Double> cpu = new ArrayList<>(r.perCpuSecond());
        Collections.sort(cpu);
        System.out.printf(Locale.ROOT, "    per second of the thread's CPU time: median %,.0f mentions/s, best %,.0f "
                + "(%.1f us of CPU a mention); load average %s%n", cpu.get(cpu.size() / 2), cpu.get(cpu.size() - 1),
                1e6 / cpu.get(cpu.size() / 2), loadAverage());
        System.out.printf(Locale.ROOT, "    %,d clusters for %,d mentions; posted %,d, refused by the rate guard %,d,"
                + " not relevant %,d; %s%n", r.clusters(), count, r.posted(), r.refused(), r.irrelevant(), r.priorities());
    }

    /** The last minute's load average, to read a figure against (other work on the machine slows every one). */
    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f on %d cores", load,
                Runtime.getRuntime().availableProcessors());
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
}
