package io.socialbot.stats;

import io.socialbot.casework.CaseEvent;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The timeline store for core tests: same rules as the Redis one, kept in a map. */
public class InMemoryCaseTimelineStore implements CaseTimelineStore {

    private final Map<String, CaseTimeline> cases = new LinkedHashMap<>();

    @Override
    public synchronized void on(CaseEvent event) {
        CaseTimeline t = cases.get(event.caseKey());
        if (event instanceof CaseEvent.Received r) {
            if (t == null) {
                cases.put(r.caseKey(), new CaseTimeline(r.caseKey(), r.priority(), r.incident(), null, null,
                        r.at(), null, null, null, null));
            }
            return;
        }
        if (t == null) {
            return;
        }
        CaseTimeline before = t;
        if (event instanceof CaseEvent.ApprovalDecided a) {
            cases.put(t.caseKey(), t.plusApprovalWait(a.waited()));
            return;
        }
        if (event instanceof CaseEvent.Posted p && t.posted() == null) {
            t = new CaseTimeline(t.caseKey(), t.priority(), t.incident(), p.channel(), t.agent(), t.received(),
                    p.at(), t.claimed(), t.firstReply(), t.resolved(), t.broadcast());
        } else if (event instanceof CaseEvent.Claimed c && t.claimed() == null) {
            t = new CaseTimeline(t.caseKey(), t.priority(), t.incident(), t.channel(), c.agent(), t.received(),
                    t.posted(), c.at(), t.firstReply(), t.resolved(), t.broadcast());
        } else if (event instanceof CaseEvent.Replied r && t.firstReply() == null) {
            t = new CaseTimeline(t.caseKey(), t.priority(), t.incident(), t.channel(),
                    t.agent() == null ? r.agent() : t.agent(), t.received(), t.posted(), t.claimed(), r.at(),
                    t.resolved(), t.broadcast());
        } else if (event instanceof CaseEvent.Resolved r && t.resolved() == null) {
            t = new CaseTimeline(t.caseKey(), t.priority(), t.incident(), t.channel(), t.agent(), t.received(),
                    t.posted(), t.claimed(), t.firstReply(), r.at(), t.broadcast(), r.note());
        } else if (event instanceof CaseEvent.Broadcast b && t.broadcast() == null) {
            t = new CaseTimeline(t.caseKey(), t.priority(), t.incident(), t.channel(), t.agent(), t.received(),
                    t.posted(), t.claimed(), t.firstReply(), t.resolved(), b.at(), t.note());
        }
        if (before.approvalWait() != null && t.approvalWait() == null) {
            t = new CaseTimeline(t.caseKey(), t.priority(), t.incident(), t.channel(), t.agent(), t.received(),
                    t.posted(), t.claimed(), t.firstReply(), t.resolved(), t.broadcast(), t.note(), before.approvalWait());
        }
        cases.put(t.caseKey(), t);
    }

    @Override
    public synchronized List<CaseTimeline> receivedBetween(Instant from, Instant to) {
        return select(t -> !t.received().isBefore(from) && t.received().isBefore(to));
    }

    @Override
    public synchronized List<CaseTimeline> forIncident(String incident) {
        return select(t -> incident.equals(t.incident()));
    }

    @Override
    public synchronized List<CaseTimeline> open() {
        return select(CaseTimeline::open);
    }

    @Override
    public synchronized Optional<CaseTimeline> find(String caseKey) {
        return Optional.ofNullable(cases.get(caseKey));
    }

    private List<CaseTimeline> select(Predicate<CaseTimeline> filter) {
        return cases.values().stream().filter(filter)
                .sorted(Comparator.comparing(CaseTimeline::received)).toList();
    }
}
