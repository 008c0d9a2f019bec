package io.socialbot.incident;

import io.socialbot.casework.CurrentIncident;
import io.socialbot.mention.Mention;
import io.socialbot.triage.DecisionListener;
import io.socialbot.triage.TriageDecision;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** Counts each decided mention into its incident hour while an incident runs; nothing is counted outside one. */
public final class IncidentMentionCounter implements DecisionListener {

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
        return new DigestCounts.MentionFacts(authorId, handle, m.author().followers(), m.retweetOf() != null,
                d.sentiment() == null ? TriageDecision.Sentiment.Label.NEUTRAL : d.sentiment().label(), d.themes(),
                m.text(), pressHandles.contains(handle.toLowerCase()),
                cluster == null ? d.key() : cluster.id(), cluster == null ? "SINGLE" : cluster.kind().name(),
                cluster == null ? 1 : cluster.size());
    }

    /** The start of the hour (in the brand's zone) an instant falls in. */
    public static Instant hourOf(Instant at, ZoneId zone) {
        return at.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
    }
}
