package io.socialbot.casework;

/** Replies on a case: checks length, sends to the original post, records the step; at most once per request id. */
public interface CaseReplies {

    /**
     * An agent's reply.
     *
     * @param actor     Slack user id of the agent who sends it
     * @param requestId the same id for a retry of the same reply
     */
    ReplySender.ReplyOutcome reply(String caseKey, String actor, String text, String requestId);

    /**
     * The bot's own reply with an incident status update: recorded as a {@link CaseEvent.Broadcast}, so reports
     * show it as its own kind of first response and never as an agent's.
     */
    ReplySender.ReplyOutcome broadcast(String caseKey, String updateId, String text, String requestId);
}
