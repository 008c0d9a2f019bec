package io.socialbot.casework;

import io.socialbot.casework.CaseStore.ClaimOutcome;
import io.socialbot.casework.ReplySender.ReplyOutcome;
import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionStore;
import io.socialbot.triage.DecisionListener;
import io.socialbot.triage.DecisionStore;
import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.TriageDecision;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The life of a case: opened from a triage decision, claimed, released, replied to, resolved. Every step is timed
 * through {@link CaseEvent}s. Nothing here calls Slack: each step is recorded with the case, which queues it in the
 * {@link CaseOutbox}, and {@link CaseDelivery} shows it in the case's post off this path.
 */
public final class CaseWork implements DecisionListener, CaseReplies {

    private final CaseStore cases;
    private final MentionStore mentions;
    private final DecisionStore decisions;
    private final ReplySender sender;
    private final ReplyLength length;
    private final List<CaseEventListener> listeners;
    private final CurrentIncident incident;
    private final Clock clock;

    public CaseWork(CaseStore cases, MentionStore mentions, DecisionStore decisions, ReplySender sender,
                    ReplyLength length, List<CaseEventListener> listeners, CurrentIncident incident, Clock clock) {
        this.cases = cases;
        this.mentions = mentions;
        this.decisions = decisions;
        this.sender = sender;
        this.length = length;
        this.listeners = List.copyOf(listeners);
        this.incident = incident;
        this.clock = clock;
    }

    /** Opens the case of a posted decision whose replica may have died first; a case that exists stays as it is. */
    @Override
    public void onRedelivered(Mention mention, TriageDecision decision) {
        if (decision.relevant() && decision.postedTo() != null) {
            onDecision(mention, decision);
        }
    }

    /** Records the case (one Redis script, which also queues its post); Slack is not called on triage's thread. */
    @Override
    public void onDecision(Mention mention, TriageDecision decision) {
        if (!decision.relevant()) {
            return;
        }
        if (decision.postedTo() != null) {
            String key = decision.cluster() == null ? decision.key() : decision.cluster().id();
            Case c = new Case(key, mention.id(), mention.author().handle(), decision.priority(), decision.postedTo(),
                    null, Case.Status.OPEN, null, decision.cluster() == null ? 1 : decision.cluster().size(), 0, null,
                    clock.instant(), null, null, null, null);
            if (!cases.create(c)) {
                return; // re-delivered decision: the case exists and is queued
            }
            emit(new CaseEvent.Received(key, decision.priority(), incident.name().orElse(null), mention.arrivedBy(clock.instant())));
        } else if (decision.cluster() != null && decision.cluster().kind() != TriageDecision.Cluster.Kind.SINGLE) {
            cases.grow(decision.cluster().id()); // the outbox folds a storm's growth into a few edits
        }
    }

    public ClaimOutcome claim(String key, String agent) {
        ClaimOutcome outcome = cases.claim(key, agent);
        if (outcome instanceof CaseStore.Claimed) {
            emit(new CaseEvent.Claimed(key, agent, clock.instant()));
        }
        return outcome;
    }

    public ClaimOutcome release(String key, String agent, boolean lead) {
        Optional<Case> before = cases.find(key);
        ClaimOutcome outcome = cases.release(key, agent, lead);
        if (outcome instanceof CaseStore.Released) {
            emit(new CaseEvent.Released(key, before.map(Case::owner).orElse(agent), clock.instant()));
        }
        return outcome;
    }

    /** What happened to a resolve. */
    public enum ResolveOutcome { RESOLVED, NOT_FOUND, ALREADY_CLOSED, NOT_OWNER }

    /** Closes the case; {@code note} (may be blank) stays on the case, its post and the export. */
    public ResolveOutcome resolve(String key, String actor, boolean lead, String note) {
        Optional<Case> c = cases.find(key);
        if (c.isEmpty()) {
            return ResolveOutcome.NOT_FOUND;
        }
        if (!mayAct(c.get(), actor, lead)) {
            return ResolveOutcome.NOT_OWNER;
        }
        String kept = note == null || note.isBlank() ? null : note.strip();
        if (!cases.resolve(key, kept)) {
            return ResolveOutcome.ALREADY_CLOSED;
        }
        emit(new CaseEvent.Resolved(key, actor, kept, clock.instant()));
        return ResolveOutcome.RESOLVED;
    }

    /** Shows on the case's post the sentiment label a person gave it; false when there is no such case. */
    public boolean labelled(String key, SentimentLabel label) {
        return cases.labelled(key, label);
    }

    /** Only the owner or a lead may act on a claimed case; an unclaimed case is any agent's (README: Casework). */
    public static boolean mayAct(Case c, String actor, boolean lead) {
        return lead || c.owner() == null || c.ownedBy(actor);
    }

    @Override
    public ReplyOutcome reply(String caseKey, String actor, String text, String requestId) {
        return send(caseKey, text, requestId, at -> new CaseEvent.Replied(caseKey, actor, at));
    }

    @Override
    public ReplyOutcome broadcast(String caseKey, String updateId, String text, String requestId) {
        return send(caseKey, text, requestId, at -> new CaseEvent.Broadcast(caseKey, updateId, at));
    }

    private ReplyOutcome send(String caseKey, String text, String requestId,
                              java.util.function.Function<Instant, CaseEvent> step) {
        Optional<Case> found = cases.find(caseKey);
        if (found.isEmpty()) {
            return new ReplySender.Failed(ReplySender.FailureKind.OTHER, "There is no case " + caseKey + ".", null);
        }
        String problem = length.problem(text);
        if (problem != null) {
            return new ReplySender.Failed(ReplySender.FailureKind.TOO_LONG, problem, null);
        }
        if (found.get().status() == Case.Status.RESOLVED) {
            return new ReplySender.Failed(ReplySender.FailureKind.OTHER, "The case is resolved; reopen it by "
                    + "replying on X directly if the customer needs more.", null);
        }
        ReplyOutcome outcome = sender.send(requestId, found.get().postId(), text);
        if (outcome instanceof ReplySender.Sent) {
            if (cases.replied(caseKey, requestId)) {
                emit(step.apply(clock.instant()));
            }
        } else {
            cases.keepDraft(caseKey, text); // the agent's words are never lost to a failed send
        }
        return outcome;
    }

    /** Keeps an agent's unsent text on the case (a reply a lead returned), for the Reply modal to offer again. */
    public void keepDraft(String caseKey, String text) {
        cases.keepDraft(caseKey, text);
    }

    /** An agent checked the thread after a send in doubt and the reply is not there: the next reply may go out. */
    public boolean confirmResend(String caseKey) {
        return cases.find(caseKey).map(c -> sender.confirmResend(c.postId())).orElse(false);
    }

    /** The confirmed send did not go out (it waits again): the in-doubt guard goes back up for any other send. */
    public void withdrawConfirmation(String caseKey) {
        cases.find(caseKey).ifPresent(c -> sender.withdrawConfirmation(c.postId()));
    }

    /** Whether an earlier reply on the case is still in doubt, so a {@code --confirm} has something to confirm. */
    public boolean sendInDoubt(String caseKey) {
        return cases.find(caseKey).map(c -> sender.sendInDoubt(c.postId())).orElse(false);
    }

    public Optional<Case> find(String key) {
        return cases.find(key);
    }

    /** Finds a case by its key, a post id, or a post URL ({@code .../status/<id>}). */
    public Optional<Case> lookup(String reference) {
        String ref = reference.trim();
        if (ref.startsWith("<") && ref.endsWith(">")) {
            ref = ref.substring(1, ref.length() - 1); // Slack wraps links it recognises
        }
        int status = ref.indexOf("/status/");
        if (status >= 0) {
            ref = ref.substring(status + 8).replaceAll("[^0-9].*$", "");
        }
        Optional<Case> direct = cases.find(ref);
        if (direct.isPresent()) {
            return direct;
        }
        return cases.keyForPost(ref).flatMap(cases::find);
    }

    public List<Case> queue(int max) {
        return cases.queue(max);
    }

    public long queueDepth() {
        return cases.queueDepth();
    }

    public List<Case> ownedBy(String agent) {
        return cases.ownedBy(agent);
    }

    public Optional<CaseView> view(String key) {
        Optional<Case> c = cases.find(key);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        Optional<Mention> mention = mentions.find(key);
        Optional<TriageDecision> decision = decisions.find(key);
        if (mention.isEmpty() || decision.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CaseView(c.get(), mention.get(), decision.get()));
    }

    private void emit(CaseEvent event) {
        CaseEventListener.tellAll(listeners, event);
    }
}
