package io.socialbot.triage;

import io.socialbot.mention.Mention;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Triage on the mentions' own clock: a rehearsal of a past incident, replayed in seconds, paces Slack posts as they
 * would have been paced on the day, so {@code posted_to} shows what the channels would really have carried.
 */
public final class MentionTimeTriage implements MentionTriage {

    private final DefaultMentionTriage delegate;

    public MentionTimeTriage(DefaultMentionTriage triage) {
        this.delegate = triage.withRateGuard(new MentionTimeRateGuard(triage.settings().rateGuard()));
    }

    @Override
    public TriageDecision triage(Mention mention) {
        return delegate.triage(mention);
    }

    @Override
    public List<Outcome> triageAll(List<Mention> mentions) {
        return delegate.triageAll(mentions);
    }

    /**
     * A rate guard on the mentions' own clock, for a process whose cases no Slack will ever carry (a dry run on its
     * own Redis): it routes as the day would have, without holding back what nobody delivers.
     */
    public static RateGuard onMentionClock(TriageProperties.RateGuard settings) {
        return new MentionTimeRateGuard(settings);
    }

    /** A token bucket per channel whose clock is the time of the mention asking to be posted. */
    static final class MentionTimeRateGuard implements RateGuard {
        private final EventClock clock = new EventClock();
        private final InMemoryRateGuard buckets;

        MentionTimeRateGuard(TriageProperties.RateGuard settings) {
            this.buckets = new InMemoryRateGuard(clock, settings);
        }

        @Override
        public synchronized boolean tryAcquire(String channel, Instant mentionTime) {
            clock.now = mentionTime;
            return buckets.tryAcquire(channel);
        }

        @Override
        public synchronized boolean tryAcquire(String channel) {
            return buckets.tryAcquire(channel);
        }

        @Override
        public Counts counts(String channel) {
            return buckets.counts(channel);
        }
    }

    /** A clock that shows the time of the mention being routed. */
    static final class EventClock extends Clock {
        private volatile Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
