package io.socialbot.casework;

import java.time.Instant;

/**
 * A reply held for a lead's approval: who wrote it, why it needs approval, and where the request was posted
 * ({@code channel}, {@code messageTs}, null until it was). {@code decidedBy} and {@code note} are set once a lead
 * decided; {@code attempt} counts approvals whose send was tried (a send that failed waits for another).
 * {@code resendConfirmed}: the agent sent it with {@code --confirm} after a send in doubt, so the approved send may
 * lift the in-doubt guard (only then, never when the reply was merely held).
 */
public record Approval(
        String id,
        String caseKey,
        String agent,
        String text,
        String reason,
        Instant requestedAt,
        Status status,
        String decidedBy,
        String note,
        String channel,
        String messageTs,
        int attempt,
        boolean resendConfirmed) {

    /** Where an approval is: waiting, approved (and sent through the once-only path), or returned to the agent. */
    public enum Status { PENDING, APPROVED, REJECTED }
}
