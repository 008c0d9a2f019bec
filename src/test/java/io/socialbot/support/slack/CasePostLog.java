package io.socialbot.support.slack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the {@link SlackApiStub} saw of each case's chat.postMessage calls (the case key is in the post's metadata):
 * every call with its answer, when the post was taken, and the 429s and Retry-After seconds answered to it.
 */
public final class CasePostLog {

    /**
     * One chat.postMessage call for a case: when it arrived (epoch ms, real time), the channel it named, Slack's
     * HTTP status and the Retry-After it answered (0 unless 429).
     */
    public record PostAttempt(long atMs, String caseKey, String channel, int status, long retryAfterSeconds) {
    }

    private final Map<String, Long> taken = new ConcurrentHashMap<>();
    private final Map<String, Integer> rateLimited = new ConcurrentHashMap<>();
    private final Map<String, Long> retryAfter = new ConcurrentHashMap<>();
    private final List<PostAttempt> attempts = Collections.synchronizedList(new ArrayList<>());

    void record(long arrivedMs, String caseKey, String channel, SlackApiStub.Answer answer) {
        String after = answer.status() == 429 ? answer.headers().get("Retry-After") : null;
        long seconds = after == null ? 0L : Long.parseLong(after);
        attempts.add(new PostAttempt(arrivedMs, caseKey, channel, answer.status(), seconds));
        if (answer.status() == 429) {
            rateLimited.merge(caseKey, 1, Integer::sum);
            retryAfter.merge(caseKey, seconds, Long::sum);
        } else if (answer.body().startsWith("{\"ok\":true")) {
            taken.putIfAbsent(caseKey, System.currentTimeMillis());
        }
    }

    /** When (epoch ms, real time) each case's post was taken. */
    public Map<String, Long> postTimes() {
        return Map.copyOf(taken);
    }

    /** How many 429s each case's posts were answered. */
    public Map<String, Integer> rateLimitedCases() {
        return Map.copyOf(rateLimited);
    }

    /** The Retry-After seconds Slack answered to each case's posts, summed: the waits it imposed on that post. */
    public Map<String, Long> retryAfterPerCase() {
        return Map.copyOf(retryAfter);
    }

    /** Every chat.postMessage call that carried a case, in arrival order. */
    public List<PostAttempt> postAttempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }
}
