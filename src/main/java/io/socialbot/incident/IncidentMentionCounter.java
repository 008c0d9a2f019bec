package io.socialbot.incident;

import io.socialbot.casework.CurrentIncident;
import io.socialbot.mention.Mention;
import io.socialbot.triage.DecisionListener;
import io.socialbot.triage.Retweets;
import io.socialbot.triage.TriageDecision;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Counts each decided mention into its incident hour while an incident runs; nothing is counted outside one. The
 * hour is the mention's {@code created_at}, so counts and the digest's window agree on which hour a mention is in.
 */
public final class IncidentMentionCounter implements DecisionListener {

    private static final String PLACE_THEME = "place:";

    private final CurrentIncident current;
    private final DigestCounts counts;
    private final Set<String> pressHandles;
    private final ZoneId zone;

    public IncidentMentionCounter(CurrentIncident current, DigestCounts counts, IncidentProperties properties) {
        this.current = current;
        this.counts = counts;
        this.pressHandles = properties.pressHandles();
        this.zone = properties.zone();
    }

    @Override
    public void onDecision(Mention mention, TriageDecision decision) {
        current.name().ifPresent(incident -> counts.record(incident, hourOf(mention.createdAt(), zone),
                facts(mention, decision)));
    }

    DigestCounts.MentionFacts facts(Mention m, TriageDecision d) {
        String handle = m.author().handle().replaceFirst("^@", "");
        String authorId = m.author().id() != null ? m.author().id() : handle.toLowerCase();
        var cluster = d.cluster();
        List<String> places = places(d);
        List<String> themes = d.themes().stream().filter(t -> !t.startsWith(PLACE_THEME)).toList();
        return new DigestCounts.MentionFacts(authorId, handle, m.author().followers(), Retweets.isRetweet(m),
                d.sentiment() == null ? TriageDecision.Sentiment.Label.NEUTRAL : d.sentiment().label(), themes,
                places, m.text(), pressHandles.contains(handle.toLowerCase()),
                cluster == null ? d.key() : cluster.id(), cluster == null ? "SINGLE" : cluster.kind().name(),
                cluster == null ? 1 : cluster.size(), d.relevant());
    }

    /** The places a mention names: triage's own facet (older decisions' {@code place:<name>} themes are read too). */
    static List<String> places(TriageDecision d) {
        List<String> tagged = d.themes().stream().filter(t -> t.startsWith(PLACE_THEME))
                .map(t -> t.substring(PLACE_THEME.length())).toList();
        if (d.places() == null || d.places().isEmpty()) {
            return tagged;
        }
        return java.util.stream.Stream.concat(d.places().stream(), tagged.stream()).distinct().toList();
    }

    /** The start of the hour (in the brand's zone) an instant falls in. */
    public static Instant hourOf(Instant at, ZoneId zone) {
        return at.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
    }
}
