package io.socialbot.casework;

import io.socialbot.casework.CaseMessages.CannotLook;
import io.socialbot.casework.CaseMessages.Delivered;
import io.socialbot.casework.CaseMessages.Found;
import io.socialbot.casework.CaseMessages.FoundPost;
import io.socialbot.casework.CaseMessages.Gone;
import io.socialbot.casework.CaseMessages.NotSent;
import io.socialbot.casework.CaseMessages.RateLimited;
import io.socialbot.casework.CaseMessages.Refused;
import io.socialbot.casework.CaseMessages.Sent;
import io.socialbot.casework.CaseMessages.Unknown;
import io.socialbot.casework.CaseOutbox.Delivery;
import io.socialbot.platform.ops.OpsAlerts;
import io.socialbot.platform.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one poster: takes due deliveries from the {@link CaseOutbox} and posts or updates the case's message, off the
 * triage path. A post whose outcome is unknown is looked for before it is posted again; {@code Retry-After} and
 * the channel's pace are honoured whatever their length; failures back off and are reported once per case and kind.
 */
public final class CaseDelivery {

    private static final Logger log = LoggerFactory.getLogger(CaseDelivery.class);

    /**
     * How deliveries are paced and retried; see the README's Casework section. {@code lease}: how long a claimed
     * delivery stays this replica's without a heartbeat ({@link #renewLeases}, every third of it while in hand).
     */
    public record Settings(int workers, Duration lease, Duration channelPace, int channelBurst, Duration firstBackoff,
                           Duration maxBackoff, int reportAfter, Duration updatePace, int updateBurst) {

        /** How often the leases in hand are renewed: three times a lease, so one missed beat loses nothing. */
        public Duration heartbeat() {
            return lease.dividedBy(3);
        }

        CaseOutbox.Budget posts() {
            return new CaseOutbox.Budget(channelPace, channelBurst);
        }

        CaseOutbox.Budget updates() {
            return new CaseOutbox.Budget(updatePace, updateBurst);
        }
    }

    private final CaseOutbox outbox;
    private final CaseMessages messages;
    private final Function<String, Optional<CaseView>> views;
    private final List<CaseEventListener> listeners;
    private final Clock clock;
    private final Executor executor;
    private final Settings settings;
    private final Semaphore free;
    private final RetryPolicy retries;
    private final OpsAlerts ops;
    private final Set<Delivery> inHand = ConcurrentHashMap.newKeySet();
    private volatile Consumer<Instant> wake = at -> { };

    /**
     * @param executor runs each delivery; {@code Runnable::run} in tests, so a pass ends with its deliveries
     * @param ops      hears, once per case and kind, of a delivery that needs a person
     */
    public CaseDelivery(CaseOutbox outbox, CaseMessages messages, Function<String, Optional<CaseView>> views,
                        List<CaseEventListener> listeners, Clock clock, Executor executor, Settings settings,
                        OpsAlerts ops) {
        this.outbox = outbox;
        this.messages = messages;
        this.views = views;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        this.executor = executor;
        this.settings = settings;
        this.free = new Semaphore(settings.workers());
        this.retries = new RetryPolicy(settings.reportAfter(), settings.firstBackoff(), settings.maxBackoff());
        this.ops = ops;
    }

    /** One pass: claims what is due now (as many as there are free workers) and delivers it; returns how many. */
    public int runDue() {
        int slots = free.drainPermits();
        if (slots == 0) {
            return 0;
        }
        List<Delivery> due;
        try {
            due = outbox.claimDue(clock.instant(), slots, settings.lease(), settings.posts(), settings.updates());
        } catch (RuntimeException e) {
            free.release(slots);
            log.warn("Case outbox unavailable ({}); deliveries wait", e.toString());
            return 0;
        }
        free.release(slots - due.size());
        for (Delivery d : due) {
            inHand.add(d);
            executor.execute(() -> {
                try {
                    deliver(d);
                } catch (RuntimeException e) {
                    // Redis or a bug: the lease runs out and the delivery is claimed again (in doubt when a post)
                    log.warn("Delivery of case {} failed: {}", d.caseKey(), e.toString());
                } finally {
                    inHand.remove(d);
                    free.release();
                    wake(); // its channel and its worker are free: the next in line need not wait for a tick
                }
            });
        }
        return due.size();
    }

    /**
     * The heartbeat: renews the lease of every delivery in hand, so a call that takes longer than the lease (a slow
     * Slack, a look in the history) stays this replica's, while a dead replica's lapse within one lease. Returns how
     * many are still held.
     */
    public int renewLeases() {
        if (inHand.isEmpty()) {
            return 0;
        }
        List<Delivery> held = List.copyOf(inHand);
        List<String> lost = outbox.renew(held, clock.instant(), settings.lease());
        if (!lost.isEmpty()) {
            log.info("No longer held: {} (recorded meanwhile, or taken over after a pause longer than the lease)", lost);
        }
        return held.size() - lost.size();
    }

    /** Where this poster asks for a pass sooner than its tick: its loop's {@code RepeatingTask::wakeAt}. */
    public void wakeWith(Consumer<Instant> wake) {
        this.wake = wake;
    }

    /** Something may be due now (a case recorded or changed, a channel freed): a pass at once, not at the next tick. */
    public void wake() {
        wake.accept(clock.instant());
    }

    void deliver(Delivery d) {
        Optional<CaseView> view = views.apply(d.caseKey());
        if (view.isEmpty()) {
            outbox.park(d, "case, mention or decision missing");
            report(d, "missing", "could not be shown: its mention or decision is missing from the store");
            return;
        }
        if (d.isPost()) {
            try {
                post(d, view.get());
            } finally {
                outbox.channelFree(d);
            }
        } else {
            update(d, view.get());
        }
    }

    private void post(Delivery d, CaseView view) {
        if (d.inDoubt()) {
            // chat.postMessage takes no idempotency key: an earlier attempt may have been posted
            Found found = messages.find(d.channel(), d.caseKey(), d.firstTried().minus(Duration.ofMinutes(1)));
            if (found instanceof FoundPost p) {
                log.info("Case {} was posted by an earlier attempt ({}); recorded, not posted again", d.caseKey(), p.ts());
                recordPosted(d, p.channelId(), p.ts());
                return;
            }
            if (found instanceof CannotLook c) {
                if (!c.retryAfter().isZero()) { // Slack asked to wait before the look: a wait, not a failure
                    Instant until = clock.instant().plus(c.retryAfter());
                    outbox.paceChannel(d.channel(), until, settings.channelPace());
                    outbox.waitUntil(d, until, true);
                    wake.accept(until);
                    return;
                }
                retry(d, Duration.ZERO, true, "post", "could not check whether Slack has it (" + c.reason() + ")");
                return;
            }
            if (!outbox.renew(List.of(d), clock.instant(), settings.lease()).isEmpty()) {
                // the look outlasted the lease unrenewed: another replica may have the case now, and posts it
                log.warn("Case {}: lease lost while looking in the history; left to the replica that has it", d.caseKey());
                return;
            }
        }
        Sent sent = messages.post(view);
        if (sent instanceof Delivered ok) {
            recordPosted(d, ok.channelId(), ok.ts());
        } else {
            failed(d, sent, "post");
        }
    }

    private void recordPosted(Delivery d, String channelId, String ts) {
        CaseOutbox.Recorded recorded = outbox.recordPosted(d, channelId, ts, clock.instant());
        if (recorded == CaseOutbox.Recorded.FIRST) {
            emit(new CaseEvent.Posted(d.caseKey(), d.channel(), clock.instant()));
        } else if (recorded == CaseOutbox.Recorded.DUPLICATE) {
            log.error("Case {} now has two posts in Slack (the second is {})", d.caseKey(), ts);
            report(d, "duplicate", "was posted twice; the post with ts " + ts + " is a copy");
        }
    }

    private void update(Delivery d, CaseView view) {
        Sent sent = messages.update(view);
        if (sent instanceof Delivered) {
            outbox.recordUpdated(d, clock.instant());
        } else if (sent instanceof Gone) {
            log.info("The post of case {} is gone from Slack; posting it again", d.caseKey());
            outbox.lost(d, clock.instant());
        } else {
            failed(d, sent, "update");
        }
    }

    private void failed(Delivery d, Sent sent, String kind) {
        if (sent instanceof RateLimited r) {
            // Slack's answer holds for every replica, however long it is: for the channel's posts, or for the
            // workspace's updates. Nothing was done, so the delivery goes again exactly then, not later: a wait
            // Slack asked for is not a failure and grows no backoff.
            Instant until = clock.instant().plus(r.retryAfter());
            if (d.isPost()) {
                outbox.paceChannel(d.channel(), until, settings.channelPace());
            } else {
                outbox.paceUpdates(until);
            }
            outbox.waitUntil(d, until, false);
            wake.accept(until); // the pass that posts it comes when Slack's wait ends, not at a tick after it
            log.info("Case {} {}: Slack asked to wait {} s", d.caseKey(), kind, r.retryAfter().toSeconds());
        } else if (sent instanceof Refused r) {
            outbox.park(d, r.error());
            report(d, kind + ":" + r.error(), "could not be " + (kind.equals("post") ? "posted" : "updated")
                    + ": Slack refused it (" + r.error() + "); it is not retried until the case moves");
        } else if (sent instanceof Unknown u) {
            retry(d, Duration.ZERO, d.isPost(), kind, u.reason());
        } else if (sent instanceof NotSent n) {
            retry(d, Duration.ZERO, d.inDoubt(), kind, n.reason());
        }
    }

    private void retry(Delivery d, Duration atLeast, boolean inDoubt, String kind, String why) {
        Duration backoff = backoff(d.failures());
        Duration wait = atLeast.compareTo(backoff) > 0 ? atLeast : backoff;
        int failures = outbox.retryAt(d, clock.instant().plus(wait), inDoubt);
        log.info("Case {} {} failed ({}); retry in {} s", d.caseKey(), kind, why, wait.toSeconds());
        if (failures > 0 && !retries.mayRetry(failures)) { // past what a retry policy allows: a person hears of it
            report(d, kind, "could not be " + (kind.equals("post") ? "posted" : "updated") + " after " + failures
                    + " attempts (" + why + "); still retrying every " + settings.maxBackoff().toMinutes() + " min at most");
        }
    }

    /** The platform's backoff (1 s, 2 s, 4 s ... up to the maximum), with up to a quarter more so replicas do not retry in step. */
    Duration backoff(int failures) {
        long capped = retries.backoff(failures + 1).toMillis();
        return Duration.ofMillis(capped + (long) (Math.random() * capped / 4));
    }

    private void report(Delivery d, String kind, String what) {
        try {
            if (outbox.firstReport(d.caseKey(), kind)) {
                ops.alert("Case " + d.caseKey() + " (" + d.channel() + ") " + what + ".");
            }
        } catch (RuntimeException e) {
            log.warn("Could not report trouble with case {}: {}", d.caseKey(), e.toString());
        }
    }

    private void emit(CaseEvent event) {
        CaseEventListener.tellAll(listeners, event);
    }

    public Instant now() {
        return clock.instant();
    }
}
