package io.socialbot.casework;

import io.socialbot.casework.CaseStore.ClaimOutcome;
import io.socialbot.casework.ReplySender.ReplyOutcome;
import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionStore;
import io.socialbot.triage.DecisionListener;
import io.socialbot.triage.DecisionStore;
import io.socialbot.triage.TriageDecision;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a case: opened from a triage decision and posted, claimed, released, replied to, resolved. Every step
 * is timed through {@link CaseEvent}s and reflected in the case's post.
 */
public final class CaseWork implements DecisionListener, CaseReplies {

    private static final Logger log = LoggerFactory.getLogger(CaseWork.class);

    private final CaseStore cases;
    private final MentionStore mentions;
    private final DecisionStore decisions;
    private final CasePoster poster;
    private final ReplySender sender;
    private final ReplyLength length;
    private final List<CaseEventListener> listeners;
    private final CurrentIncident incident;
    private final Clock clock;
    private final java.util.concurrent.Executor refreshes;
    private final java.util.Set<String> grown = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public CaseWork(CaseStore cases, MentionStore mentions, DecisionStore decisions, CasePoster poster,
                    ReplySender sender, ReplyLength length, List<CaseEventListener> listeners,
                    CurrentIncident incident, Clock clock) {
        this(cases, mentions, decisions, poster, sender, length, listeners, incident, clock, Runnable::run);
    }

    /** @param refreshes runs post updates, so an agent's command is answered before Slack is called */
    public CaseWork(CaseStore cases, MentionStore mentions, DecisionStore decisions, CasePoster poster,
                    ReplySender sender, ReplyLength length, List<CaseEventListener> listeners,
                    CurrentIncident incident, Clock clock, java.util.concurrent.Executor refreshes) {
        this.refreshes = refreshes;
        this.cases = cases;
        this.mentions = mentions;
        this.decisions = decisions;
        this.poster = poster;
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

    @Override
    public void onDecision(Mention mention, TriageDecision decision) {
        if (!decision.relevant()) {
            return;
        }
        if (decision.postedTo() != null) {
            String key = decision.cluster() == null ? decision.key() : decision.cluster().id();
            Case c = new Case(key, mention.id(), mention.author().handle(), decision.priority(), decision.postedTo(),
                    null, Case.Status.OPEN, null, decision.cluster() == null ? 1 : decision.cluster().size(), 0, null,
                    clock.instant());
            if (!cases.create(c)) {
                return; // re-delivered decision: the case and its post exist
            }
            emit(new CaseEvent.Received(key, decision.priority(), incident.name().orElse(null), clock.instant()));
            post(key);
        } else if (decision.cluster() != null && decision.cluster().kind() != TriageDecision.Cluster.Kind.SINGLE) {
            int size = cases.grow(decision.cluster().id());
            if (size > 0 && worthAnUpdate(size)) {
                grown.remove(decision.cluster().id());
                refresh(decision.cluster().id());
            } else if (size > 0) {
                grown.add(decision.cluster().id()); // shown by the next flush, so the final size always appears
            }
        }
    }

    /** Updates the posts of clusters that grew since their last update; returns how many. */
    public int flushGrownClusters() {
        int n = 0;
        for (String key : List.copyOf(grown)) {
            if (grown.remove(key)) {
                refresh(key);
                n++;
            }
        }
        return n;
    }

    /** A storm of hundreds gives a handful of edits: 2, 3, 5, every 10 up to 100, every 100 after. */
    static boolean worthAnUpdate(int size) {
        return size <= 3 || size == 5 || (size <= 100 && size % 10 == 0) || size % 100 == 0;
    }

    /** Posts a case now; when Slack cannot take it, it stays in the unposted list for {@link #retryUnposted}. */
    public boolean post(String key) {
        Optional<CaseView> view = view(key);
        if (view.isEmpty()) {
            return false;
        }
        Optional<String> ts = poster.post(view.get());
        if (ts.isEmpty()) {
            log.warn("Case {} could not be posted to {} now; it will be retried", key, view.get().c().channel());
            return false;
        }
        cases.posted(key, view.get().c().channel(), ts.get());
        emit(new CaseEvent.Posted(key, view.get().c().channel(), clock.instant()));
        return true;
    }

    /** Posts what failed before (Slack was down); returns how many went out. */
    public int retryUnposted() {
        int sent = 0;
        // only cases old enough that no replica is still posting them for the first time
        for (String key : cases.unposted(clock.instant().minusSeconds(30), 50)) {
            if (post(key)) {
                sent++;
            }
        }
        return sent;
    }

    public ClaimOutcome claim(String key, String agent) {
        ClaimOutcome outcome = cases.claim(key, agent);
        if (outcome instanceof CaseStore.Claimed) {
            emit(new CaseEvent.Claimed(key, agent, clock.instant()));
            refresh(key);
        }
        return outcome;
    }

    public ClaimOutcome release(String key, String agent, boolean lead) {
        Optional<Case> before = cases.find(key);
        ClaimOutcome outcome = cases.release(key, agent, lead);
        if (outcome instanceof CaseStore.Released) {
            emit(new CaseEvent.Released(key, before.map(Case::owner).orElse(agent), clock.instant()));
            refresh(key);
        }
        return outcome;
    }

    /** What happened to a resolve. */
    public enum ResolveOutcome { RESOLVED, NOT_FOUND, ALREADY_CLOSED, NOT_OWNER }

    public ResolveOutcome resolve(String key, String actor, boolean lead) {
        Optional<Case> c = cases.find(key);
        if (c.isEmpty()) {
            return ResolveOutcome.NOT_FOUND;
        }
        if (!mayAct(c.get(), actor, lead)) {
            return ResolveOutcome.NOT_OWNER;
        }
        if (!cases.resolve(key)) {
            return ResolveOutcome.ALREADY_CLOSED;
        }
        emit(new CaseEvent.Resolved(key, actor, clock.instant()));
        refresh(key);
        return ResolveOutcome.RESOLVED;
    }

    /** Only the owner or a lead may act on a claimed case; an open case is anyone's. */
    public static boolean mayAct(Case c, String actor, boolean lead) {
        return lead || c.owner() == null || c.ownedBy(actor);
    }

    @Override
    public ReplyOutcome reply(String caseKey, String actor, String text, String requestId) {
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
                emit(new CaseEvent.Replied(caseKey, actor, clock.instant()));
                refresh(caseKey);
            }
        } else {
            cases.keepDraft(caseKey, text); // the agent's words are never lost to a failed send
        }
        return outcome;
    }

    /** An agent checked the thread after a send in doubt and the reply is not there: the next reply may go out. */
    public boolean confirmResend(String caseKey) {
        return cases.find(caseKey).map(c -> sender.confirmResend(c.postId())).orElse(false);
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

    private void refresh(String key) {
        refreshes.execute(() -> {
            try {
                view(key).filter(v -> v.c().posted()).ifPresent(v -> {
                    if (!poster.update(v)) {
                        log.warn("The post of case {} could not be updated now", key);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("The post of case {} could not be updated: {}", key, e.toString());
            }
        });
    }

    private void emit(CaseEvent event) {
        for (CaseEventListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                log.error("{} failed on {}: {}", listener.getClass().getSimpleName(), event, e.toString());
            }
        }
    }
}
