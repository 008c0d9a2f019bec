package io.socialbot.stats;

import io.socialbot.casework.CaseEventListener;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Records case steps as timelines and finds them by time received, incident, or openness. */
public interface CaseTimelineStore extends CaseEventListener {

    /** Cases received in {@code [from, to)}, oldest first. */
    List<CaseTimeline> receivedBetween(Instant from, Instant to);

    /** Cases of one incident, oldest first. */
    List<CaseTimeline> forIncident(String incident);

    /** Cases not yet resolved, oldest first. */
    List<CaseTimeline> open();

    Optional<CaseTimeline> find(String caseKey);
}
