package io.socialbot.bench;

import io.socialbot.support.slack.CasePostLog.PostAttempt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * Where a P1 post's time goes in {@link DeliveryBench}: webhook 202, case recorded by triage, first claimed by a
 * poster, first chat.postMessage call, and the call Slack took; with the time the post's channel was paused by a
 * Retry-After Slack gave to any post in that channel (chat.postMessage is limited per channel).
 */
final class DeliveryBreakdown {

    /** One P1 post's times (epoch ms; {@code claimed} -1 when unknown) and Slack's calls for it. */
    record Timeline(String caseKey, long accepted, long recorded, long claimed, long posted, List<PostAttempt> calls,
                    long ownRetryAfterMs, long channelPausedMs) {

        long raw() {
            return posted - accepted;
        }

        long triage() {
            return recorded - accepted;
        }

        long toClaim() {
            return claimed < 0 ? 0 : claimed - recorded;
        }

        long claimToCall() {
            return calls.isEmpty() || claimed < 0 ? 0 : calls.get(0).atMs() - claimed;
        }

        long callToTaken() {
            return calls.isEmpty() ? 0 : posted - calls.get(0).atMs();
        }

        /** The old measure: minus only the Retry-After Slack answered to this post's own calls. */
        long afterOwnRetryAfter() {
            return Math.max(0, raw() - ownRetryAfterMs);
        }

        /** Minus every moment after the case was recorded that its channel was paused by a Retry-After, whichever post's. */
        long afterChannelPauses() {
            return Math.max(0, raw() - channelPausedMs);
        }

        /** After each of its own 429s: how long past the end of Slack's wait the next call came. */
        List<Long> lateAfterWaits() {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i + 1 < calls.size(); i++) {
                if (calls.get(i).status() == 429) {
                    out.add(calls.get(i + 1).atMs() - (calls.get(i).atMs() + 1000 * calls.get(i).retryAfterSeconds()));
                }
            }
            return out;
        }
    }

    private DeliveryBreakdown() {
    }

    /** Each channel's pauses, [from, until) in epoch ms, from every 429 Slack answered to a post in it. */
    static Map<String, List<long[]>> pauses(List<PostAttempt> all) {
        Map<String, List<long[]>> out = new HashMap<>();
        for (PostAttempt a : all) {
            if (a.status() == 429) {
                out.computeIfAbsent(a.channel(), c -> new ArrayList<>())
                        .add(new long[] {a.atMs(), a.atMs() + 1000 * a.retryAfterSeconds()});
            }
        }
        return out;
    }

    /** How much of [from, to) the union of {@code pauses} covers. */
    static long covered(List<long[]> pauses, long from, long to) {
        if (pauses == null || to <= from) {
            return 0;
        }
        List<long[]> in = new ArrayList<>();
        for (long[] p : pauses) {
            long a = Math.max(from, p[0]);
            long b = Math.min(to, p[1]);
            if (b > a) {
                in.add(new long[] {a, b});
            }
        }
        in.sort(Comparator.comparingLong(p -> p[0]));
        long sum = 0;
        long end = from;
        for (long[] p : in) {
            long a = Math.max(p[0], end);
            if (p[1] > a) {
                sum += p[1] - a;
                end = p[1];
            }
        }
        return sum;
    }

    static long p(List<Timeline> ts, ToLongFunction<Timeline> f, double percentile) {
        Histogram h = new Histogram(3_600_000L, 3);
        ts.forEach(t -> h.recordValue(Math.max(0, f.applyAsLong(t))));
        return ts.isEmpty() ? 0 : percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
    }

    /** The breakdown's lines: each part's p50/p99/max, then the slowest posts (after channel pauses) part by part. */
    static List<String> lines(List<Timeline> ts) {
        List<String> out = new ArrayList<>();
        Map<String, ToLongFunction<Timeline>> parts = new java.util.LinkedHashMap<>();
        parts.put("202 -> case recorded (store, stream, triage)", Timeline::triage);
        parts.put("recorded -> first claimed (tick, channel busy/budget/pause)", Timeline::toClaim);
        parts.put("claimed -> first chat.postMessage", Timeline::claimToCall);
        parts.put("first call -> call Slack took (429s and waits)", Timeline::callToTaken);
        parts.put("channel paused by any Retry-After, recorded -> taken", Timeline::channelPausedMs);
        parts.put("raw 202 -> taken", Timeline::raw);
        parts.put("after own Retry-After (old measure)", Timeline::afterOwnRetryAfter);
        parts.put("after channel pauses (new measure)", Timeline::afterChannelPauses);
        parts.forEach((name, f) -> out.add(String.format(Locale.ROOT, "  %-62s p50 %6d  p99 %6d  max %6d ms", name,
                p(ts, f, 50), p(ts, f, 99), p(ts, f, 100))));
        List<Long> late = ts.stream().flatMap(t -> t.lateAfterWaits().stream()).sorted().toList();
        if (!late.isEmpty()) {
            out.add(String.format(Locale.ROOT, "  next call after a P1's own Retry-After ended (%d waits): p50 %d, "
                    + "max %d ms late", late.size(), late.get(late.size() / 2), late.get(late.size() - 1)));
        }
        ts.stream().sorted(Comparator.comparingLong(Timeline::afterChannelPauses).reversed()).limit(5).forEach(t ->
                out.add(String.format(Locale.ROOT, "  slow: %s raw %d = triage %d + to claim %d + to call %d + "
                                + "to taken %d; calls %s; own Retry-After %d, channel paused %d ms", t.caseKey(), t.raw(),
                        t.triage(), t.toClaim(), t.claimToCall(), t.callToTaken(),
                        t.calls().stream().map(c -> c.status() == 429 ? "429/" + c.retryAfterSeconds() + "s" : "ok")
                                .toList(), t.ownRetryAfterMs(), t.channelPausedMs())));
        return out;
    }
}
