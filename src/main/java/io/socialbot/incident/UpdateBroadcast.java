package io.socialbot.incident;

import io.socialbot.casework.CaseReplies;
import io.socialbot.casework.ReplySender;
import io.socialbot.prompt.PromptId;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.CaseTimeline;
import io.socialbot.stats.CaseTimelineStore;
import io.socialbot.triage.DecisionStore;
import io.socialbot.triage.TriageDecision;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Tell everyone waiting": replies with a status update to each open, unanswered case of the incident, once per
 * case and update, paced to {@code replyLimit} posts per {@code replyWindow}; P1 safety cases stay with humans.
 */
public final class UpdateBroadcast {

    /** The reply sent to each case; {@code update} is the lead's text, {@code incident} its name. */
    public static final PromptId REPLY = PromptId.of("reply/incident-update", "incident", "update");

    /** Who would get the update now, and who is left to humans. */
    public record Plan(StatusUpdate update, List<String> targets, List<String> safety) {
    }

    private final IncidentStore incidents;
    private final CaseTimelineStore cases;
    private final DecisionStore decisions;
    private final CaseReplies replies;
    private final BroadcastQueue queue;
    private final PromptTemplates templates;
    private final IncidentProperties properties;
    private final Clock clock;

    public UpdateBroadcast(IncidentStore incidents, CaseTimelineStore cases, DecisionStore decisions,
                           CaseReplies replies, BroadcastQueue queue, PromptTemplates templates,
                           IncidentProperties properties, Clock clock) {
        this.incidents = incidents;
        this.cases = cases;
        this.decisions = decisions;
        this.replies = replies;
        this.queue = queue;
        this.templates = templates;
        this.properties = properties;
        this.clock = clock;
    }

    public Optional<Plan> plan(String updateId) {
        return incidents.findUpdate(updateId).map(u -> {
            List<String> targets = new ArrayList<>();
            List<String> safety = new ArrayList<>();
            for (CaseTimeline t : cases.forIncident(u.incident())) {
                if (!waiting(t)) {
                    continue;
                }
                (isSafety(t) ? safety : targets).add(t.caseKey());
            }
            return new Plan(u, targets, safety);
        });
    }

    /** Queues the update for every waiting case not queued before; returns how many were newly queued. */
    public int queueAll(String updateId) {
        Plan plan = plan(updateId).orElseThrow(() -> new IllegalArgumentException("no update " + updateId));
        int queued = 0;
        for (String caseKey : plan.targets()) {
            if (queue.enqueue(new BroadcastQueue.Item(updateId, caseKey))) {
                queued++;
            }
        }
        return queued;
    }

    /** Sends what the posting limit allows now; the rest waits for later ticks. Returns how many were sent. */
    public int drain() {
        int sent = 0;
        // skipped items give their post back, so keep taking until the window is used or the queue is empty
        while (true) {
            Instant now = clock.instant();
            List<BroadcastQueue.Item> batch = queue.take(properties.replyLimit(),
                    now.minus(properties.replyWindow()), now);
            if (batch.isEmpty()) {
                return sent;
            }
            for (int i = 0; i < batch.size(); i++) {
                BroadcastQueue.Item item = batch.get(i);
                Optional<StatusUpdate> update = incidents.findUpdate(item.updateId());
                Optional<CaseTimeline> t = cases.find(item.caseKey());
                if (update.isEmpty() || t.isEmpty() || !waiting(t.get()) || isSafety(t.get())) {
                    queue.release(item);
                    queue.recordOutcome(item, "skipped: no longer waiting");
                    continue;
                }
                String text = reply(update.get());
                // recorded as a broadcast, not an agent's reply: reports keep the two apart
                ReplySender.ReplyOutcome outcome = replies.broadcast(item.caseKey(), item.updateId(), text,
                        item.requestId());
                if (outcome instanceof ReplySender.Failed f && f.kind() == ReplySender.FailureKind.RATE_LIMITED) {
                    // X says no more for now: this item and the rest of the batch go back, in order
                    for (int j = batch.size() - 1; j >= i; j--) {
                        queue.requeue(batch.get(j));
                    }
                    return sent;
                }
                queue.recordOutcome(item, describe(outcome));
                sent++;
            }
        }
    }

    /** The reply each waiting case gets for this update. */
    public String reply(StatusUpdate update) {
        return reply(templates, update.incident(), update.text());
    }

    static String reply(PromptTemplates templates, String incident, String update) {
        return templates.render(REPLY, Map.of("incident", incident, "update", update));
    }

    private static String describe(ReplySender.ReplyOutcome outcome) {
        if (outcome instanceof ReplySender.Sent s) {
            return "sent " + s.postId();
        }
        if (outcome instanceof ReplySender.Failed f) {
            return "failed " + f.kind() + ": " + f.agentMessage();
        }
        return "unknown: " + ((ReplySender.Unknown) outcome).agentMessage();
    }

    private static boolean waiting(CaseTimeline t) {
        return t.open() && t.firstReply() == null;
    }

    /** A {@linkplain TriageDecision#isSafetyCase safety case}: a person must write that reply. */
    boolean isSafety(CaseTimeline t) {
        return new SafetyCases(decisions).isSafety(t);
    }
}
