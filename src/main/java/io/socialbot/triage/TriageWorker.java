package io.socialbot.triage;

import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionQueue;
import io.socialbot.mention.MentionStore;
import io.socialbot.mention.StoreUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * Takes queued mentions, triages each once, saves the decision and tells the listeners. An entry is acknowledged
 * only after its decision is saved, so a replica that dies mid-batch leaves its entries to be reclaimed.
 */
public final class TriageWorker {

    private static final Logger log = LoggerFactory.getLogger(TriageWorker.class);

    private final MentionQueue queue;
    private final MentionStore mentions;
    private final MentionTriage triage;
    private final DecisionStore decisions;
    private final List<DecisionListener> listeners;
    private final TriageObserver observer;
    private final AtomicLong triaged = new AtomicLong();
    private final Object triageLock = new Object();
    private final Set<MentionQueue.Entry> inHand = ConcurrentHashMap.newKeySet();
    private final TriageWorkerLoops loops = new TriageWorkerLoops(this);

    public TriageWorker(MentionQueue queue, MentionStore mentions, MentionTriage triage, DecisionStore decisions,
                        List<DecisionListener> listeners) {
        this(queue, mentions, triage, decisions, listeners, TriageObserver.NONE);
    }

    public TriageWorker(MentionQueue queue, MentionStore mentions, MentionTriage triage, DecisionStore decisions,
                        List<DecisionListener> listeners, TriageObserver observer) {
        this.observer = observer;
        this.queue = queue;
        this.mentions = mentions;
        this.triage = triage;
        this.decisions = decisions;
        this.listeners = List.copyOf(listeners);
    }

    /** One decision made by this call: the mention and what was decided. */
    public record Decided(Mention mention, TriageDecision decision) {
    }

    /** Processes what is queued now (waiting up to {@code block} for the first entry); returns what was decided. */
    public List<Decided> processAvailable(int max, Duration block) {
        return process(queue.next(max, block), false);
    }

    /** Takes over entries another consumer left unacknowledged for {@code idle} (it crashed) and processes them. */
    public List<Decided> reclaim(Duration idle, int max) {
        for (String key : queue.setAsideFailing(idle, MAX_DELIVERIES, max)) {
            observer.failed(new IllegalStateException("set aside " + key));
            log.error("Mention {} failed triage {} times; set aside in the failed list (it stays stored)", key,
                    MAX_DELIVERIES);
        }
        return process(queue.reclaim(idle, max), true);
    }

    /** Deliveries after which an entry whose triage keeps failing is set aside instead of retried again. */
    static final int MAX_DELIVERIES = 5;

    private List<Decided> process(List<MentionQueue.Entry> entries, boolean redelivered) {
        if (entries.isEmpty()) {
            return List.of();
        }
        inHand.addAll(entries);
        try {
            return processInHand(entries, redelivered);
        } finally {
            entries.forEach(inHand::remove);
        }
    }

    private List<Decided> processInHand(List<MentionQueue.Entry> entries, boolean redelivered) {
        List<Mention> toDecide = new ArrayList<>(entries.size());
        List<TriageDecision> decided = new ArrayList<>(entries.size());
        List<MentionQueue.Entry> failed = new ArrayList<>();
        List<Boolean> saved;
        // the batch loop and the reclaim loop both come here; triage and its stores run one batch at a time
        synchronized (triageLock) {
            List<Mention> found = load(entries, failed);
            List<Mention> toTriage = new ArrayList<>(entries.size());
            List<MentionQueue.Entry> triaging = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                MentionQueue.Entry entry = entries.get(i);
                Mention mention = found.get(i);
                if (mention == null) {
                    if (!failed.contains(entry)) {
                        log.warn("Queued mention {} is not in the store; skipping it", entry.mentionKey());
                    }
                    continue;
                }
                if (redelivered) {
                    Optional<TriageDecision> before = decisions.find(entry.mentionKey());
                    if (before.isPresent()) {
                        // decided before the crash: triage again would count it twice in clusters and rate guards
                        notifyRedelivered(mention, before.get());
                        continue;
                    }
                }
                toTriage.add(mention);
                triaging.add(entry);
            }
            long started = System.nanoTime();
            List<MentionTriage.Outcome> outcomes = triage.triageAll(toTriage);
            long nanosEach = (System.nanoTime() - started) / Math.max(1, toTriage.size());
            for (int i = 0; i < outcomes.size(); i++) {
                MentionTriage.Outcome outcome = outcomes.get(i);
                if (outcome instanceof MentionTriage.Outcome.Triaged t) {
                    observer.triaged(t.decision(), nanosEach);
                    toDecide.add(toTriage.get(i));
                    decided.add(t.decision());
                } else if (outcome instanceof MentionTriage.Outcome.Failed f) {
                    // left unacknowledged: retried on reclaim, set aside after MAX_DELIVERIES; the rest go on
                    log.error("Triage failed on mention {}: {}", triaging.get(i).mentionKey(), f.error().toString());
                    observer.failed(f.error());
                    failed.add(triaging.get(i));
                }
            }
            saved = decisions.saveAllIfAbsent(decided);
        }
        List<Decided> out = new ArrayList<>(decided.size());
        for (int i = 0; i < decided.size(); i++) {
            if (saved.get(i)) {
                notifyListeners(toDecide.get(i), decided.get(i));
                out.add(new Decided(toDecide.get(i), decided.get(i)));
            }
        }
        if (failed.isEmpty()) {
            queue.ack(entries);
        } else {
            queue.ack(entries.stream().filter(e -> !failed.contains(e)).toList());
        }
        triaged.addAndGet(decided.size());
        return out;
    }

    /**
     * The stored mentions of a batch, null where unknown. A stored value that no longer reads (written by an older
     * version that let an impossible date through, say) is set aside at once and added to {@code failed}: no retry
     * can read it, and it must not hold up its batch. An unreachable store fails the batch, to be retried whole.
     */
    private List<Mention> load(List<MentionQueue.Entry> entries, List<MentionQueue.Entry> failed) {
        List<String> keys = entries.stream().map(MentionQueue.Entry::mentionKey).toList();
        try {
            return mentions.findAll(keys);
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException batchUnreadable) {
            List<Mention> found = new ArrayList<>(entries.size());
            List<MentionQueue.Entry> unreadable = new ArrayList<>();
            for (MentionQueue.Entry entry : entries) {
                try {
                    found.add(mentions.find(entry.mentionKey()).orElse(null));
                } catch (StoreUnavailableException e) {
                    throw e;
                } catch (RuntimeException e) {
                    found.add(null);
                    unreadable.add(entry);
                    observer.failed(e);
                    log.error("Stored mention {} cannot be read ({}); set aside in the failed list",
                            entry.mentionKey(), e.getMessage());
                }
            }
            queue.setAside(unreadable);
            failed.addAll(unreadable);
            return found;
        }
    }

    private void notifyRedelivered(Mention mention, TriageDecision decision) {
        for (DecisionListener listener : listeners) {
            try {
                listener.onRedelivered(mention, decision);
            } catch (RuntimeException e) {
                log.error("{} failed on re-delivered mention {}: {}", listener.getClass().getSimpleName(),
                        decision.key(), e.toString());
            }
        }
    }

    private void notifyListeners(Mention mention, TriageDecision decision) {
        for (DecisionListener listener : listeners) {
            try {
                listener.onDecision(mention, decision);
            } catch (RuntimeException e) {
                // One failing consumer (Slack down, say) must not stop the others; each keeps its own retries.
                log.error("{} failed on mention {}: {}", listener.getClass().getSimpleName(), decision.key(),
                        e.toString());
            }
        }
    }

    /**
     * Starts the background loops on {@code scheduler}: new entries as they come, and, every tenth of
     * {@code reclaimAfter}, entries idle for {@code reclaimAfter} taken over, also while a batch is in hand.
     */
    public void start(TaskScheduler scheduler, Duration reclaimAfter) {
        loops.start(scheduler, reclaimAfter);
    }

    /** Stops taking entries, waits up to {@code grace} for the batch in hand, and hands back what is unfinished. */
    public void stop(Duration grace) {
        loops.stop(grace);
    }

    /** {@link #stop(Duration)} with the default grace of {@link TriageWorkerLoops#DEFAULT_GRACE}. */
    public void stop() {
        loops.stop(TriageWorkerLoops.DEFAULT_GRACE);
    }

    /** Entries taken from the queue and not yet finished, by either loop. */
    List<MentionQueue.Entry> inHand() {
        return List.copyOf(inHand);
    }

    MentionQueue queue() {
        return queue;
    }

    TriageObserver observer() {
        return observer;
    }

    public long triaged() {
        return triaged.get();
    }
}
