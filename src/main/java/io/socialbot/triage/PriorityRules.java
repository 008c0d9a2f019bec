package io.socialbot.triage;

import io.socialbot.mention.Mention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the priority rules from settings and turns their hits into a priority with reasons. */
final class PriorityRules {

    /** P1 hits first, then by weight, heaviest first; built once, not for every mention. */
    private static final Comparator<PriorityRule.Hit> MOST_IMPORTANT_FIRST =
            Comparator.comparing((PriorityRule.Hit h) -> !h.p1())
                    .thenComparing(Comparator.comparingDouble(PriorityRule.Hit::weight).reversed());

    private final List<PriorityRule> rules;
    private final TriageProperties.Thresholds thresholds;

    PriorityRules(List<PriorityRule> rules, TriageProperties.Thresholds thresholds) {
        this.rules = List.copyOf(rules);
        this.thresholds = thresholds;
    }

    static PriorityRules from(TriageProperties settings) {
        TriageProperties.Priority p = settings.priority();
        List<PriorityRule> rules = new ArrayList<>();
        for (Map.Entry<String, TriageProperties.Rule> e : p.rules().entrySet()) {
            rules.add(theme(e.getKey(), e.getValue()));
        }
        rules.add(audience(settings.influence()));
        rules.add(negative(p.negativeWeight(), p.negativeFrom()));
        rules.add(influence(p.influenceWeight(), p.engagementWeight(), settings.influence()));
        rules.add(storm(p.stormWeight(), settings.influence()));
        return new PriorityRules(rules, p.thresholds());
    }

    /**
     * A theme found in the text: {@code safety ("ambulance")}. An echo of a P1 theme (a retweet of a safety case, the
     * hundredth share of a news story that mentions 999) is said but weighs nothing: the post it repeats is the case.
     */
    static PriorityRule theme(String name, TriageProperties.Rule rule) {
        String theme = rule.theme() == null || rule.theme().isBlank() ? name : rule.theme();
        return s -> {
            String phrase = s.themes().get(theme);
            if (phrase == null) {
                return Optional.empty();
            }
            String reason = name + " (\"" + phrase + "\")";
            if (rule.p1() && s.echo()) {
                return Optional.of(new PriorityRule.Hit(name, 0, false, reason + ", shared", theme));
            }
            return Optional.of(new PriorityRule.Hit(name, rule.weight(), rule.p1(), reason, theme));
        };
    }

    /**
     * A very large or officially verified audience (X's business or government tick; a paid tick is not influence):
     * {@code influence: 120k followers, verified}, P1.
     */
    static PriorityRule audience(TriageProperties.Influence settings) {
        return s -> {
            Mention.Author a = s.mention().author();
            return isP1Audience(a, settings)
                    ? Optional.of(new PriorityRule.Hit("audience", 0, true, audienceText(a)))
                    : Optional.empty();
        };
    }

    static boolean isP1Audience(Mention.Author a, TriageProperties.Influence settings) {
        return a.followers() >= settings.p1Followers() || (a.officiallyVerified() && settings.verifiedIsP1());
    }

    /** Negative feeling, weighted by how negative: {@code negative -0.8}. */
    static PriorityRule negative(double weight, double from) {
        return s -> {
            double score = s.sentiment().score();
            if (s.sentiment().label() != TriageDecision.Sentiment.Label.NEGATIVE || score > -from) {
                return Optional.empty();
            }
            return Optional.of(new PriorityRule.Hit("negative", weight * Math.abs(score), false,
                    "negative " + oneDecimal(score)));
        };
    }

    /** Followers (log-scaled) and engagement below the P1 audience: {@code influence: 5.2k followers}. */
    static PriorityRule influence(double followerWeight, double engagementWeight, TriageProperties.Influence settings) {
        return s -> {
            Mention.Author a = s.mention().author();
            if (isP1Audience(a, settings)) {
                return Optional.empty(); // the audience rule speaks for them
            }
            double followers = Math.max(0, Math.log10(a.followers() + 1.0) - 2) * followerWeight;
            long engagement = s.mention().metrics().retweets() + s.mention().metrics().likes();
            double engaged = Math.max(0, Math.log10(engagement + 1.0)) * engagementWeight;
            boolean paidTick = a.verified() && !a.officiallyVerified();
            boolean worthSaying = a.followers() >= settings.reasonFromFollowers() || engagement >= 100 || paidTick;
            if (!worthSaying) {
                return Optional.empty();
            }
            List<String> parts = new ArrayList<>();
            if (a.followers() >= settings.reasonFromFollowers() || paidTick) {
                parts.add(count(a.followers()) + " followers");
            }
            if (paidTick) {
                parts.add("paid tick"); // shown so a person sees it, weighed as the followers it has
            }
            if (engagement >= 100) {
                parts.add(count(engagement) + " retweets and likes");
            }
            return Optional.of(new PriorityRule.Hit("influence", followers + engaged, false,
                    "influence: " + String.join(", ", parts)));
        };
    }

    /** A cluster growing fast: {@code storm: 340 retweets in 10 min}. */
    static PriorityRule storm(double weight, TriageProperties.Influence settings) {
        return s -> {
            TriageDecision.Cluster c = s.cluster();
            if (c == null || c.size() < settings.stormSize() || s.clusterAge().compareTo(settings.stormWindow()) > 0) {
                return Optional.empty();
            }
            long minutes = Math.max(1, (s.clusterAge().getSeconds() + 59) / 60);
            String what = c.kind() == TriageDecision.Cluster.Kind.RETWEET ? "retweets" : "similar posts";
            return Optional.of(new PriorityRule.Hit("storm", weight, false,
                    "storm: " + (c.size() - 1) + " " + what + " in " + minutes + " min"));
        };
    }

    /** The priority and its reasons, most important first; the first reason names the priority. */
    Outcome decide(PriorityRule.Signals signals) {
        List<PriorityRule.Hit> hits = new ArrayList<>();
        double score = 0;
        boolean p1 = false;
        for (PriorityRule rule : rules) {
            Optional<PriorityRule.Hit> hit = rule.apply(signals);
            if (hit.isPresent()) {
                hits.add(hit.get());
                score += hit.get().weight();
                p1 |= hit.get().p1();
            }
        }
        hits.sort(MOST_IMPORTANT_FIRST);
        boolean scoreMakesP1 = thresholds.p1() > 0 && score >= thresholds.p1();
        TriageDecision.Priority priority = p1 || scoreMakesP1 ? TriageDecision.Priority.P1
                : score >= thresholds.p2() ? TriageDecision.Priority.P2
                : score >= thresholds.p3() ? TriageDecision.Priority.P3
                : TriageDecision.Priority.P4;
        List<String> reasons = new ArrayList<>(hits.size() + 1);
        if (hits.isEmpty()) {
            reasons.add(priority + ": no rule matched");
        } else {
            reasons.add(priority + ": " + hits.get(0).reason());
            for (int i = 1; i < hits.size(); i++) {
                reasons.add(hits.get(i).reason());
            }
        }
        return new Outcome(priority, reasons, hits);
    }

    /** A decided priority with its reasons and the hits behind them. */
    record Outcome(TriageDecision.Priority priority, List<String> reasons, List<PriorityRule.Hit> hits) {
        boolean hit(String rule) {
            return hits.stream().anyMatch(h -> h.rule().equals(rule));
        }
    }

    static String audienceText(Mention.Author a) {
        StringBuilder sb = new StringBuilder("influence: ");
        sb.append(count(a.followers())).append(" followers");
        if (a.officiallyVerified()) {
            sb.append(", verified");
        } else if (a.verified()) {
            sb.append(", paid tick");
        }
        return sb.toString();
    }

    /** 950, 5.2k, 120k, 1.2M. */
    static String count(long n) {
        if (n < 1_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return n < 10_000 ? trim(n / 1_000.0) + "k" : (n / 1_000) + "k";
        }
        return n < 10_000_000 ? trim(n / 1_000_000.0) + "M" : (n / 1_000_000) + "M";
    }

    /** One decimal, rounded down, without a trailing {@code .0}: 5.2 for 5.29, 5 for 5.04 (without String.format). */
    private static String trim(double v) {
        long tenths = (long) Math.floor(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
    }

    /** -0.8 for -0.75 (half away from zero), without String.format's cost on every mention. */
    static String oneDecimal(double v) {
        long tenths = Math.round(Math.abs(v) * 10);
        return (v < 0 && tenths > 0 ? "-" : "") + (tenths / 10) + "." + (tenths % 10);
    }

    static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
