package io.socialbot.casework.slack;

import io.socialbot.casework.Approval;
import io.socialbot.casework.ApprovalStore;
import java.time.Instant;
import java.util.Optional;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The real store, with Redis gone for the steps after the post: recording it and dropping the request both fail. */
final class CutOffApprovalStore implements ApprovalStore {

    private final ApprovalStore real;

    CutOffApprovalStore(ApprovalStore real) {
        this.real = real;
    }

    @Override
    public boolean create(Approval approval, Instant postBy) {
        return real.create(approval, postBy);
    }

    @Override
    public Optional<Approval> find(String id) {
        return real.find(id);
    }

    @Override
    public boolean posted(String id, String channel, String messageTs, Instant now) {
        throw new JedisConnectionException("Unexpected end of stream.");
    }

    @Override
    public DecideOutcome decide(String id, Approval.Status to, String lead, String note, String text, Instant now) {
        return real.decide(id, to, lead, note, text, now);
    }

    @Override
    public void reopen(String id) {
        real.reopen(id);
    }

    @Override
    public boolean cancel(String id) {
        throw new JedisConnectionException("Unexpected end of stream.");
    }
}
