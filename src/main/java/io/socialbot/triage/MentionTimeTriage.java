package io.socialbot.triage;

import io.socialbot.mention.Mention;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Triage on the mentions' own clock: a rehearsal of a past incident, replayed in seconds, paces Slack posts as they
 * would have been paced on the day, so {@code posted_to} shows what the channels would really have carried.
 */
public final class MentionTimeTriage implements MentionTriage {

    private final DefaultMentionTriage delegate;
    private final EventClock clock = new EventClock();

    public MentionTimeTriage(DefaultMentionTriage triage) {
        this.delegate = triage.withRateGuard(new InMemoryRateGuard(clock, triage.settings().rateGuard()));
    }

    @Override
    public synchronized TriageDecision triage(Mention mention) {
        clock.now = mention.createdAt();
        return delegate.triage(mention);
    }

    /** A clock that shows the time of the mention being triaged. */
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
