package io.socialbot.casework;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** The X port in memory: records sends, answers with what a test says, and never sends one request id twice. */
public class FakeReplySender implements ReplySender {

    public record Sent(String key, String inReplyTo, String text) {
    }

    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, ReplyOutcome> byKey = new ConcurrentHashMap<>();
    public volatile Function<String, ReplyOutcome> answer = text -> null;
    public final List<String> confirmed = new CopyOnWriteArrayList<>();
    /** Posts whose earlier send a test declares in doubt; removing one settles its doubt. */
    public final Set<String> inDoubt = ConcurrentHashMap.newKeySet();

    @Override
    public boolean confirmResend(String inReplyTo) {
        confirmed.add(inReplyTo);
        return inDoubt.contains(inReplyTo);
    }

    /** Posts whose confirmation was withdrawn, in order. */
    public final List<String> withdrawn = new CopyOnWriteArrayList<>();

    @Override
    public void withdrawConfirmation(String inReplyTo) {
        withdrawn.add(inReplyTo);
    }

    @Override
    public boolean sendInDoubt(String inReplyTo) {
        return inDoubt.contains(inReplyTo);
    }

    @Override
    public ReplyOutcome send(String idempotencyKey, String inReplyTo, String text) {
        return byKey.computeIfAbsent(idempotencyKey, k -> {
            ReplyOutcome planned = answer.apply(text);
            if (planned != null) {
                return planned;
            }
            sent.add(new Sent(k, inReplyTo, text));
            return new ReplySender.Sent("9" + sent.size(), "https://twitter.com/brand/status/9" + sent.size());
        });
    }
}
