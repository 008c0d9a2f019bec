package io.socialbot.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the hourly digest of the running incident once per hour slot across all replicas: a slot is claimed
 * before composing, marked done after a successful post, released after a failure. Every slot since the incident
 * began (up to {@code catchUpHours}) is checked, so a missed hour is posted late with a note, never skipped. The
 * optional model-written summary line is asked for after the claim, so only one replica calls the model per slot.
 */
public final class DigestScheduler {

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    private final IncidentStore incidents;
    private final SlotClaims claims;
    private final DigestComposer composer;
    private final DigestPublisher publisher;
    private final IncidentProperties properties;
    private final Clock clock;
    private final DigestSummary summary;

    public DigestScheduler(IncidentStore incidents, SlotClaims claims, DigestComposer composer,
                           DigestPublisher publisher, IncidentProperties properties, Clock clock) {
        this(incidents, claims, composer, publisher, properties, clock, DigestSummary.OFF);
    }

    /** With the optional model-written line, asked for only by the replica that holds the slot. */
    public DigestScheduler(IncidentStore incidents, SlotClaims claims, DigestComposer composer,
                           DigestPublisher publisher, IncidentProperties properties, Clock clock,
                           DigestSummary summary) {
        this.summary = summary;
        this.incidents = incidents;
        this.claims = claims;
        this.composer = composer;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    /** Posts every ended slot not posted yet; returns the slot starts this replica posted. */
    public List<Instant> tick() {
        List<Instant> posted = new ArrayList<>();
        Incident incident = incidents.current().orElse(null);
        if (incident == null) {
            return posted;
        }
        Instant now = clock.instant();
        Instant currentHour = IncidentMentionCounter.hourOf(now, properties.zone());
        Instant first = IncidentMentionCounter.hourOf(incident.startedAt(), properties.zone());
        Instant oldest = currentHour.minus(Duration.ofHours(properties.catchUpHours()));
        if (first.isBefore(oldest)) {
            first = oldest;
        }
        for (Instant slot = first; slot.isBefore(currentHour); slot = slot.plus(Duration.ofHours(1))) {
            if (claims.isDone(incident.name(), slot) || !claims.claim(incident.name(), slot, properties.claimTtl())) {
                continue;
            }
            Instant end = slot.plus(Duration.ofHours(1));
            boolean late = now.isAfter(end.plus(properties.lateAfter()));
            try {
                publisher.post(incident.channel(),
                        summary.addTo(composer.compose(incident, slot, end, late ? slot : null)));
                claims.markDone(incident.name(), slot);
                posted.add(slot);
            } catch (RuntimeException e) {
                claims.release(incident.name(), slot);
                log.warn("Digest of {} for {} not posted, will retry: {}", incident.name(), slot, e.toString());
            }
        }
        return posted;
    }
}
