package io.socialbot.triage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Triage settings ({@code socialbot.triage.*}); the telco-outage defaults live in {@code config/triage.yml}. */
@ConfigurationProperties("socialbot.triage")
public record TriageProperties(
        @DefaultValue Brand brand,
        @DefaultValue List<String> spam,
        @DefaultValue Map<String, List<String>> themes,
        @DefaultValue List<String> places,
        @DefaultValue Priority priority,
        @DefaultValue Influence influence,
        @DefaultValue Routing routing,
        @DefaultValue RateGuard rateGuard,
        @DefaultValue Clusters clusters) {

    public TriageProperties {
        spam = List.copyOf(spam == null ? List.of() : spam);
        themes = themes == null ? Map.of() : new LinkedHashMap<>(themes);
        places = List.copyOf(places == null ? List.of() : places);
        brand = brand == null ? new Brand(List.of(), List.of(), List.of(), true) : brand;
        priority = priority == null ? new Priority(null, null, 30, 0.3, 8, 2, 25) : priority;
        influence = influence == null ? new Influence(100_000, true, 1_000, 50, Duration.ofMinutes(15)) : influence;
        routing = routing == null ? new Routing(null, null, null, null, null) : routing;
        rateGuard = rateGuard == null ? new RateGuard(1.0, 3) : rateGuard;
        clusters = clusters == null ? new Clusters(Duration.ofHours(48), 0.6, 4) : clusters;
    }

    /** The same settings watching other handles (the dry-run's {@code --brand=@Handle}). */
    public TriageProperties withBrandHandles(List<String> handles) {
        if (handles == null || handles.isEmpty()) {
            throw new IllegalArgumentException("at least one brand handle is needed");
        }
        return new TriageProperties(new Brand(handles, brand.keywords(), brand.exclusions(), brand.requireMention()),
                spam, themes, places, priority, influence, routing, rateGuard, clusters);
    }

    /**
     * Who the brand is. {@code keywords} and {@code exclusions} are phrases; a mention matching an exclusion
     * ("brandtel fc") and not naming a brand handle is about something else that shares the name.
     * With {@code require-mention}, text naming neither a handle nor a keyword (and not a reply) is not relevant.
     */
    public record Brand(
            @DefaultValue List<String> handles,
            @DefaultValue List<String> keywords,
            @DefaultValue List<String> exclusions,
            @DefaultValue("true") boolean requireMention) {

        public Brand {
            handles = handles == null ? List.of() : handles.stream()
                    .map(h -> h.trim().replaceFirst("^@", "").toLowerCase(Locale.ROOT))
                    .filter(h -> !h.isEmpty())
                    .toList();
            keywords = List.copyOf(keywords == null ? List.of() : keywords);
            exclusions = List.copyOf(exclusions == null ? List.of() : exclusions);
        }

        /** Keywords plus each handle's name: "@BrandTelHelp" also counts when written as a word. */
        public List<String> allKeywords() {
            List<String> all = new ArrayList<>(keywords);
            all.addAll(handles);
            return all;
        }
    }

    /**
     * Priority: each rule adds its weight when it matches; {@code p1: true} rules make P1 whatever the score.
     * Theme rules name their theme; the other rules are built in: negative sentiment (weight times the score's
     * size, from {@code negative-from}), influence (weight per decade of followers above 100), engagement
     * (weight per decade of retweets plus likes) and storms (cluster growth).
     */
    public record Priority(
            @DefaultValue Map<String, Rule> rules,
            @DefaultValue Thresholds thresholds,
            @DefaultValue("30") double negativeWeight,
            @DefaultValue("0.3") double negativeFrom,
            @DefaultValue("8") double influenceWeight,
            @DefaultValue("2") double engagementWeight,
            @DefaultValue("25") double stormWeight) {

        public Priority {
            rules = rules == null ? Map.of() : new LinkedHashMap<>(rules);
            thresholds = thresholds == null ? new Thresholds(0, 40, 15) : thresholds;
        }
    }

    /** One theme rule; the rule's name is its map key and the label of its reason ({@code safety ("ambulance")}). */
    public record Rule(String theme, @DefaultValue("0") double weight, @DefaultValue("false") boolean p1) {
    }

    /**
     * Lowest score for P2 and P3; anything lower is P4. P1 means a human now and comes from {@code p1: true} rules
     * and the P1 audience; {@code p1} above 0 lets a score alone reach P1 too (0, the default, never).
     */
    public record Thresholds(@DefaultValue("0") double p1, @DefaultValue("40") double p2, @DefaultValue("15") double p3) {
    }

    /**
     * Audience: {@code p1-followers} or (with {@code verified-is-p1}) a verified account makes P1; {@code
     * reason-from-followers} is the smallest audience worth a reason; a storm is a cluster of at least {@code
     * storm-size} mentions growing within {@code storm-window} of its first.
     */
    public record Influence(
            @DefaultValue("100000") long p1Followers,
            @DefaultValue("true") boolean verifiedIsP1,
            @DefaultValue("1000") long reasonFromFollowers,
            @DefaultValue("50") int stormSize,
            @DefaultValue("15m") Duration stormWindow) {
    }

    /**
     * Channels: safety P1 goes to {@code by-priority.P1}; then the first theme in {@code by-theme}; then
     * influencers; then a language outside {@code home-languages} ({@code by-language}, key {@code other} for any
     * other); then {@code by-priority}. A blank channel means not posted.
     */
    public record Routing(
            @DefaultValue Map<String, String> byPriority,
            @DefaultValue Map<String, String> byTheme,
            @DefaultValue Map<String, String> byLanguage,
            @DefaultValue List<String> homeLanguages,
            String influencers) {

        public Routing {
            byPriority = byPriority == null ? Map.of() : new LinkedHashMap<>(byPriority);
            byTheme = byTheme == null ? Map.of() : new LinkedHashMap<>(byTheme);
            byLanguage = byLanguage == null ? Map.of() : new LinkedHashMap<>(byLanguage);
            homeLanguages = List.copyOf(homeLanguages == null ? List.of() : homeLanguages);
        }
    }

    /** Posts per second and burst per Slack channel (Slack allows about one per second per channel). */
    public record RateGuard(@DefaultValue("1.0") double perSecond, @DefaultValue("3") int burst) {
        public RateGuard {
            if (perSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("socialbot.triage.rate-guard needs per-second > 0 and burst >= 1");
            }
        }
    }

    /**
     * Storm and duplicate grouping: cluster state lives for {@code ttl}; two texts are near-duplicates when their
     * estimated word-pair similarity reaches {@code similarity}; texts shorter than {@code min-words} only group
     * when identical after normalising.
     */
    public record Clusters(
            @DefaultValue("48h") Duration ttl,
            @DefaultValue("0.6") double similarity,
            @DefaultValue("4") int minWords) {
    }
}
