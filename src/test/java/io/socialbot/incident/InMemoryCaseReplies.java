package io.socialbot.incident;

import io.socialbot.casework.CaseReplies;
import io.socialbot.casework.ReplySender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CaseReplies for tests: sends at most once per request id and keeps what was sent per case. */
public final class InMemoryCaseReplies implements CaseReplies {

    /** One reply as sent; {@code actor} is null for the bot's own broadcast. */
    public record Sent(String caseKey, String actor, String text, String requestId) {
    }

    private final Map<String, ReplySender.ReplyOutcome> byRequest = new LinkedHashMap<>();
    private final List<Sent> sent = new ArrayList<>();

    @Override
    public synchronized ReplySender.ReplyOutcome reply(String caseKey, String actor, String text, String requestId) {
        return byRequest.computeIfAbsent(requestId, id -> {
            sent.add(new Sent(caseKey, actor, text, requestId));
            return new ReplySender.Sent("p" + sent.size(), "https://x.com/brand/status/p" + sent.size());
        });
    }

    @Override
    public ReplySender.ReplyOutcome broadcast(String caseKey, String updateId, String text, String requestId) {
        return reply(caseKey, null, text, requestId);
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }
}
