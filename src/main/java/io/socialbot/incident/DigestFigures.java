package io.socialbot.incident;

import io.socialbot.triage.TriageDecision.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a digest says, as numbers: computed once by {@link DigestComposer} and shown by {@code /digest}, its chart and
 * the incident page, so they cannot disagree. Texts and names are raw (as customers typed them): each view escapes.
 *
 * @param from     start of the window (an hour start, or the incident's start when later)
 * @param hours    mentions per hour by sentiment, over the whole incident up to {@code to}
 * @param negativeShares negative share (0-100) of each hour of the incident that had mentions, oldest first
 */
public record DigestFigures(String incident, Instant from, Instant to, Instant computedAt, Volume volume,
                            Sentiment sentiment, Trend trend, List<Double> negativeShares, List<Ranked> themes,
                            List<Ranked> influencers, List<Ranked> press, List<Wave> clusters,
                            Optional<StatusUpdate> latestUpdate, Backlog backlog, Response response,
                            List<Digest.HourPoint> hours) {

    public DigestFigures {
        negativeShares = List.copyOf(negativeShares);
        themes = List.copyOf(themes);
        influencers = List.copyOf(influencers);
        press = List.copyOf(press);
        clusters = List.copyOf(clusters);
        hours = List.copyOf(hours);
    }

    /** Volume of the window; {@code previous} is the same number of hours before it (empty before the incident). */
    public record Volume(long mentions, long authors, long retweets, Optional<Long> previous, long totalMentions,
                         long totalAuthors, int incidentHours) {

        /** Change against the hours before, rounded to a whole percent; empty when there is nothing to compare. */
        public Optional<Long> changePercent() {
            return previous.filter(p -> p > 0).map(p -> Math.round((mentions - p) * 100.0 / p));
        }
    }

    /** Mentions of the window by sentiment. */
    public record Sentiment(long negative, long neutral, long positive) {
        public long total() {
            return negative + neutral + positive;
        }
    }

    /** Where the negative share is heading. */
    public enum Trend {
        FIRST, BETTER, WORSE, STEADY;

        /** How many points the negative share must move to call it a trend. */
        public static final double POINTS = 5.0;

        /** Better when the last hour's negative share is clearly below the mean of the two hours before it. */
        public static Trend of(List<Double> negativeShares) {
            int n = negativeShares.size();
            if (n < 2) {
                return FIRST;
            }
            double last = negativeShares.get(n - 1);
            double earlier = negativeShares.subList(Math.max(0, n - 3), n - 1).stream()
                    .mapToDouble(Double::doubleValue).average().orElse(last);
            if (last <= earlier - POINTS) {
                return BETTER;
            }
            if (last >= earlier + POINTS) {
                return WORSE;
            }
            return STEADY;
        }
    }

    /** A theme, influencer or press handle with its count or reach; {@code example} is raw text, empty when none. */
    public record Ranked(String name, long count, String example) {
    }

    /** A cluster of mentions (a retweet wave or near-identical texts). */
    public record Wave(String id, String kind, long size) {
    }

    /** Open cases by priority, and the longest-waiting case nobody has answered. */
    public record Backlog(Map<Priority, Long> unclaimed, Map<Priority, Long> open, Optional<Oldest> oldest) {
        public Backlog {
            // in priority order: the digest lists them P1 first
            unclaimed = Collections.unmodifiableMap(new TreeMap<>(unclaimed));
            open = Collections.unmodifiableMap(new TreeMap<>(open));
        }

        public record Oldest(String caseKey, Priority priority, Duration waiting) {
        }
    }

    /** Response times of cases received in the window, against the SLA targets. */
    public record Response(int cases, Optional<Duration> claimMedian, Optional<Duration> claimP90,
                           Optional<Duration> replyMedian, Optional<Duration> replyP90, int claimBreaches,
                           int replyBreaches, Duration slaClaim, Duration slaReply) {
    }
}
