package io.socialbot.casework;

/** Replies on a case: checks length, sends to the original post, records the step; at most once per request id. */
public interface CaseReplies {

    /**
     * @param actor     Slack user id of who sends it (the bot itself for bulk updates: {@code "socialbot"})
     * @param requestId the same id for a retry of the same reply
     */
    ReplySender.ReplyOutcome reply(String caseKey, String actor, String text, String requestId);
}
