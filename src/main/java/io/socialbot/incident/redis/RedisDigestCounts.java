package io.socialbot.incident.redis;

import io.socialbot.incident.DigestCounts;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.platform.redis.RedisScript;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.resps.Tuple;

/**
 * Hourly counters under {@code incident:h:<incident>:<hour>}: a hash of counts ({@code n}: mentions, retweets,
 * {@code irrelevant}, {@code s:}sentiment, {@code t:}theme, {@code p:}place), a HyperLogLog of authors ({@code a}),
 * one example per theme ({@code ex}, raw text, each mention the example of one theme at most), and sorted sets of
 * reach per influencer ({@code inf}) and press handle ({@code press}) and of size per cluster ({@code cl}).
 */
public final class RedisDigestCounts implements DigestCounts {

    // ARGV[1] = the example text, ARGV[2..] = its themes: set it for the first theme that has none yet, unless the
    // same text (a retweet of it) is already an example
    private static final RedisScript FIRST_FREE_EXAMPLE = new RedisScript("""
            for _, v in ipairs(redis.call('HVALS', KEYS[1])) do
              if v == ARGV[1] then return 0 end
            end
            for i = 2, #ARGV do
              if redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[1]) == 1 then return i - 1 end
            end
            return 0
            """);

    private final UnifiedJedis redis;
    private final RedisKeys keys;
    private final Duration retention;

    public RedisDigestCounts(UnifiedJedis redis, RedisKeys keys, Duration retention) {
        this.redis = redis;
        this.keys = keys;
        this.retention = retention;
    }

    @Override
    public void record(String incident, Instant hour, MentionFacts f) {
        long ttl = retention.toSeconds();
        String n = key(incident, hour, "n");
        if (!f.relevant()) {
            // spam and same-name mentions are shown apart: they never enter volume, sentiment or rankings
            try (AbstractPipeline p = redis.pipelined()) {
                p.hincrBy(n, "irrelevant", 1);
                p.expire(n, ttl);
                p.sync();
            }
            return;
        }
        if (!f.themes().isEmpty()) {
            // one mention is the example of one theme at most: the first of its themes still without one
            FIRST_FREE_EXAMPLE.run(redis, List.of(key(incident, hour, "ex")),
                    concat(f.example(), f.themes()));
        }
        try (AbstractPipeline p = redis.pipelined()) {
            p.hincrBy(n, "mentions", 1);
            if (f.retweet()) {
                p.hincrBy(n, "retweets", 1);
            }
            p.hincrBy(n, "s:" + f.sentiment().name(), 1);
            for (String theme : f.themes()) {
                p.hincrBy(n, "t:" + theme, 1);
            }
            for (String place : f.places()) {
                p.hincrBy(n, "p:" + place, 1);
            }
            p.pfadd(key(incident, hour, "a"), f.authorId());
            // press is ranked on its own, so the influencer ranking is never crowded out by it
            p.zadd(key(incident, hour, f.press() ? "press" : "inf"), f.followers(), f.handle(),
                    ZAddParams.zAddParams().gt());
            p.zadd(key(incident, hour, "cl"), f.clusterSize(), f.clusterId(), ZAddParams.zAddParams().gt());
            p.hset(key(incident, hour, "clk"), f.clusterId(), f.clusterKind());
            for (String part : List.of("n", "a", "ex", "inf", "press", "cl", "clk")) {
                p.expire(key(incident, hour, part), ttl);
            }
            p.sync();
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>(rest.size() + 1);
        out.add(first);
        out.addAll(rest);
        return out;
    }

    @Override
    public Window read(String incident, List<Instant> hours, int top) {
        long mentions = 0;
        long retweets = 0;
        long irrelevant = 0;
        Map<String, Long> places = new HashMap<>();
        Map<Label, Long> sentiment = new EnumMap<>(Label.class);
        Map<String, Long> themes = new HashMap<>();
        Map<String, String> examples = new HashMap<>();
        Map<String, Long> influencers = new HashMap<>();
        Map<String, Long> press = new HashMap<>();
        Map<String, Long> clusters = new HashMap<>();
        Map<String, String> kinds = new HashMap<>();
        List<String> hll = new ArrayList<>();
        for (Instant hour : hours) {
            for (Map.Entry<String, String> e : redis.hgetAll(key(incident, hour, "n")).entrySet()) {
                long v = Long.parseLong(e.getValue());
                String f = e.getKey();
                if (f.equals("mentions")) {
                    mentions += v;
                } else if (f.equals("retweets")) {
                    retweets += v;
                } else if (f.equals("irrelevant")) {
                    irrelevant += v;
                } else if (f.startsWith("p:")) {
                    places.merge(f.substring(2), v, Long::sum);
                } else if (f.startsWith("s:")) {
                    sentiment.merge(Label.valueOf(f.substring(2)), v, Long::sum);
                } else if (f.startsWith("t:")) {
                    themes.merge(f.substring(2), v, Long::sum);
                }
            }
            if (top == 0) {
                continue;
            }
            long last = top == Integer.MAX_VALUE ? -1 : top - 1;
            redis.hgetAll(key(incident, hour, "ex")).forEach(examples::putIfAbsent);
            max(redis.zrevrangeWithScores(key(incident, hour, "inf"), 0, last), influencers);
            max(redis.zrevrangeWithScores(key(incident, hour, "press"), 0, last), press);
            List<Tuple> cl = redis.zrevrangeWithScores(key(incident, hour, "cl"), 0, last);
            max(cl, clusters);
            if (!cl.isEmpty()) {
                List<String> ids = cl.stream().map(Tuple::getElement).toList();
                List<String> k = redis.hmget(key(incident, hour, "clk"), ids.toArray(String[]::new));
                for (int i = 0; i < ids.size(); i++) {
                    if (k.get(i) != null) {
                        kinds.putIfAbsent(ids.get(i), k.get(i));
                    }
                }
            }
            hll.add(key(incident, hour, "a"));
        }
        long authors = hll.isEmpty() ? 0 : redis.pfcount(hll.toArray(String[]::new));
        return new Window(mentions, authors, retweets, irrelevant, sentiment, themes, distinct(examples), places,
                influencers, press, clusters, kinds);
    }

    /** Hours are merged theme by theme, so keep each text as the example of one theme only (sorted: stable). */
    private static Map<String, String> distinct(Map<String, String> examples) {
        Map<String, String> out = new java.util.TreeMap<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        new java.util.TreeMap<>(examples).forEach((theme, text) -> {
            if (used.add(text)) {
                out.put(theme, text);
            }
        });
        return out;
    }

    private static void max(List<Tuple> tuples, Map<String, Long> into) {
        for (Tuple t : tuples) {
            into.merge(t.getElement(), (long) t.getScore(), Math::max);
        }
    }

    private String key(String incident, Instant hour, String part) {
        return keys.key("incident", "h", incident, String.valueOf(hour.getEpochSecond()), part);
    }
}
