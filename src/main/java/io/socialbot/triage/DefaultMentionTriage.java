package io.socialbot.triage;

import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionKey;
import io.socialbot.mention.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Triage as configured: language, sentiment, relevance, themes, cluster, priority with reasons, and route. */
public final class DefaultMentionTriage implements MentionTriage {

    private final TriageProperties settings;
    private final LanguageIdentifier languages;
    private final SentimentClassifier sentiments;
    private final ClusterIndex clusters;
    private final RateGuard rateGuard;
    private final Set<String> brandHandles;
    private final PhraseMatcher keywords;
    private final PhraseMatcher exclusions;
    private final PhraseMatcher spam;
    private final PhraseMatcher themes;
    private final PhraseMatcher places;
    private final NearDuplicates duplicates;
    private final int minAgreement;
    private final PriorityRules rules;
    private final Router router;

    public DefaultMentionTriage(TriageProperties settings, LanguageIdentifier languages, SentimentClassifier sentiments,
                                ClusterIndex clusters, RateGuard rateGuard) {
        this.settings = settings;
        this.languages = languages;
        this.sentiments = sentiments;
        this.clusters = clusters;
        this.rateGuard = rateGuard;
        this.brandHandles = new HashSet<>(settings.brand().handles());
        this.keywords = PhraseMatcher.single("brand", settings.brand().allKeywords());
        this.exclusions = PhraseMatcher.single("exclusion", settings.brand().exclusions());
        this.spam = PhraseMatcher.single("spam", settings.spam());
        this.themes = new PhraseMatcher(settings.themes());
        Map<String, List<String>> placeGroups = new LinkedHashMap<>();
        for (String place : settings.places()) {
            placeGroups.put(String.join(" ", MentionText.phraseWords(place)), List.of(place));
        }
        this.places = new PhraseMatcher(placeGroups);
        this.duplicates = new NearDuplicates(settings.clusters().minWords());
        this.minAgreement = NearDuplicates.requiredAgreement(settings.clusters().similarity());
        this.rules = PriorityRules.from(settings);
        this.router = new Router(settings.routing());
    }

    /** The same triage with another rate guard (a rehearsal paces posts on the mentions' own clock). */
    public DefaultMentionTriage withRateGuard(RateGuard guard) {
        return new DefaultMentionTriage(settings, languages, sentiments, clusters, guard);
    }

    public TriageProperties settings() {
        return settings;
    }

    /** The same triage watching other brand handles, sharing this one's classifiers, clusters and rate guard. */
    public DefaultMentionTriage withBrandHandles(List<String> handles) {
        return new DefaultMentionTriage(settings.withBrandHandles(handles), languages, sentiments, clusters, rateGuard);
    }

    @Override
    public TriageDecision triage(Mention mention) {
        Outcome outcome = triageAll(List.of(mention)).get(0);
        if (outcome instanceof Outcome.Failed failed) {
            throw failed.error();
        }
        return ((Outcome.Triaged) outcome).decision();
    }

    /**
     * Reads every mention first, joins their clusters in one call (one round trip on a shared index), then decides
     * each in order. Answers are those of one {@link #triage} per mention: joins run in the batch's order, and a
     * cluster posted earlier in the batch counts as posted for its later members.
     */
    @Override
    public List<Outcome> triageAll(List<Mention> mentions) {
        Outcome[] outcomes = new Outcome[mentions.size()];
        List<TriageDecision.Sentiment> feelings = sentimentsOf(mentions);
        List<Reading> readings = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            try {
                readings.add(read(i, mentions.get(i), feelings == null ? null : feelings.get(i)));
            } catch (RuntimeException e) {
                outcomes[i] = new Outcome.Failed(e);
            }
        }
        List<ClusterIndex.Membership> memberships = joinAll(readings, outcomes);
        Set<String> postedInBatch = new HashSet<>();
        for (int k = 0; k < readings.size(); k++) {
            Reading reading = readings.get(k);
            if (memberships.get(k) == null) {
                continue; // its join failed; the outcome says why
            }
            try {
                outcomes[reading.index()] = new Outcome.Triaged(decide(reading, memberships.get(k), postedInBatch));
            } catch (RuntimeException e) {
                outcomes[reading.index()] = new Outcome.Failed(e);
            }
        }
        return Arrays.asList(outcomes);
    }

    /** All of a mention that does not depend on other mentions: text, language, sentiment, themes, anchors. */
    private record Reading(int index, Mention mention, MentionText text, String lang,
                           TriageDecision.Sentiment sentiment, String irrelevance, Map<String, String> found,
                           List<String> placesNamed, ClusterIndex.Request request) {
    }

    /**
     * The batch's sentiments in one call, which a classifier may run on all cores; null if it throws, so that each
     * mention is classified alone and only the one it chokes on fails.
     */
    private List<TriageDecision.Sentiment> sentimentsOf(List<Mention> mentions) {
        try {
            return sentiments.classifyAll(mentions.stream().map(Mention::text).toList());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Reading read(int index, Mention mention, TriageDecision.Sentiment classified) {
        MentionText text = MentionText.of(mention.text());
        String lang = language(mention);
        TriageDecision.Sentiment sentiment = classified != null ? classified : sentiments.classify(mention.text());
        String irrelevance = irrelevance(mention, text);
        Map<String, String> found = new LinkedHashMap<>(themes.find(text.words()));
        List<String> placesNamed = List.copyOf(places.find(text.words()).keySet());
        return new Reading(index, mention, text, lang, sentiment, irrelevance, found, placesNamed,
                clusterRequest(mention, text));
    }

    /** The readings' memberships in order; null for a reading whose join failed, with its outcome set. */
    private List<ClusterIndex.Membership> joinAll(List<Reading> readings, Outcome[] outcomes) {
        try {
            return clusters.joinAll(readings.stream().map(Reading::request).toList());
        } catch (StoreUnavailableException unreachable) {
            // every join would wait for the same dead store: the whole batch waits for its retry instead
            readings.forEach(r -> outcomes[r.index()] = new Outcome.Failed(unreachable));
            return Collections.nCopies(readings.size(), null);
        } catch (RuntimeException batchFailed) {
            // one bad request must not fail the batch: join one by one (repeated joins do not grow a cluster)
            List<ClusterIndex.Membership> memberships = new ArrayList<>(readings.size());
            for (Reading reading : readings) {
                try {
                    memberships.add(clusters.join(reading.request()));
                } catch (RuntimeException e) {
                    memberships.add(null);
                    outcomes[reading.index()] = new Outcome.Failed(e);
                }
            }
            return memberships;
        }
    }

    private TriageDecision decide(Reading reading, ClusterIndex.Membership membership, Set<String> postedInBatch) {
        Mention mention = reading.mention();
        String key = reading.request().mentionKey(); // Mention.key() encodes anew on each call
        boolean first = membership.clusterId().equals(key);
        boolean retweet = Retweets.isRetweet(mention);
        TriageDecision.Cluster.Kind kind = first && membership.size() == 1 ? TriageDecision.Cluster.Kind.SINGLE
                : membership.byLink() || retweet ? TriageDecision.Cluster.Kind.RETWEET
                : TriageDecision.Cluster.Kind.CONTENT;
        var cluster = new TriageDecision.Cluster(membership.clusterId(), kind, (int) Math.min(Integer.MAX_VALUE,
                membership.size()));

        Map<String, String> found = reading.found();
        List<String> themeIds = new ArrayList<>(found.keySet());
        if (reading.irrelevance() != null) {
            return new TriageDecision(key, mention.id(), reading.lang(), reading.sentiment(),
                    TriageDecision.Priority.P4, List.of("P4: not relevant: " + reading.irrelevance()), themeIds,
                    reading.placesNamed(), cluster, false, null);
        }

        Duration age = PriorityRules.nonNegative(Duration.between(membership.firstAt(), mention.createdAt()));
        // a retweet, or a later share of the same story with its own link, repeats a post that holds the case
        boolean echo = retweet || (!first && kind == TriageDecision.Cluster.Kind.CONTENT && hasLink(mention.text()));
        PriorityRules.Outcome outcome = rules.decide(new PriorityRule.Signals(mention, reading.sentiment(), found,
                cluster, age, echo));
        List<String> reasons = new ArrayList<>(outcome.reasons());
        String postedTo = null;
        if (membership.posted() || postedInBatch.contains(cluster.id())) {
            reasons.add(memberReason(cluster));
        } else {
            // the cluster's first mention normally takes the post; when it could not (rate limit, no channel),
            // the next member that can takes it, so a storm is never left without a post
            String channel = router.route(outcome, found, reading.lang());
            if (channel == null) {
                reasons.add("not posted: no channel for " + outcome.priority());
            } else if (!rateGuard.tryAcquire(channel, mention.createdAt())) {
                reasons.add("not posted: " + channel + " rate limit");
            } else if (clusters.claimPost(cluster.id())) {
                postedTo = channel;
                postedInBatch.add(cluster.id());
            } else {
                reasons.add(memberReason(cluster));
            }
        }
        return new TriageDecision(key, mention.id(), reading.lang(), reading.sentiment(),
                outcome.priority(), reasons, themeIds, reading.placesNamed(), cluster, true, postedTo);
    }

    /** Made only when said: most of a storm's mentions are refused by the rate guard and never say it. */
    private static String memberReason(TriageDecision.Cluster cluster) {
        return "in cluster " + cluster.id() + " (" + cluster.kind().name().toLowerCase(Locale.ROOT) + ", "
                + cluster.size() + "): updates its post";
    }

    private static boolean hasLink(String text) {
        for (int i = text.indexOf("http"); i >= 0; i = text.indexOf("http", i + 4)) {
            if (TweetText.startsWithUrl(text, i)) {
                return true;
            }
        }
        return false;
    }

    private String language(Mention mention) {
        String hint = mention.lang();
        if (hint != null && !hint.isBlank() && !hint.equalsIgnoreCase("und")) {
            String code = hint.trim().toLowerCase(Locale.ROOT);
            int dash = code.indexOf('-');
            return dash > 0 ? code.substring(0, dash) : code;
        }
        return languages.identify(mention.text()).orElse(null);
    }

    /** Why the mention is not for the care team, or null when it is. */
    private String irrelevance(Mention mention, MentionText text) {
        String spamPhrase = spam.first(text.words());
        if (spamPhrase != null) {
            return "spam (\"" + spamPhrase + "\")";
        }
        boolean namesHandle = false;
        for (String handle : text.handles()) {
            if (brandHandles.contains(handle)) {
                namesHandle = true;
                break;
            }
        }
        if (!namesHandle) {
            String other = exclusions.first(text.words());
            if (other != null) {
                return "same name (\"" + other + "\")";
            }
            if (settings.brand().requireMention() && mention.inReplyTo() == null && mention.retweetOf() == null
                    && keywords.first(text.words()) == null) {
                return "no brand handle or keyword";
            }
        }
        return null;
    }

    private ClusterIndex.Request clusterRequest(Mention mention, MentionText text) {
        List<String> links = new ArrayList<>(2);
        if (mention.retweetOf() != null) {
            links.add("o:" + MentionKey.of(mention.source(), mention.retweetOf())); // the original's own link
        }
        String key = mention.key();
        links.add("o:" + key);
        NearDuplicates.Fingerprint fingerprint = duplicates.fingerprint(text.words());
        return new ClusterIndex.Request(key, links, fingerprint.bands(), fingerprint.signature(),
                minAgreement, mention.createdAt());
    }
}
