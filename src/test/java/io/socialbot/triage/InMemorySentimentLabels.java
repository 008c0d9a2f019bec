package io.socialbot.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** People's sentiment labels in memory, with the Redis store's contract: one per mention, latest wins, oldest first. */
public final class InMemorySentimentLabels implements SentimentLabels {

    private final Map<String, SentimentLabel> byKey = new LinkedHashMap<>();

    @Override
    public synchronized void record(SentimentLabel label) {
        byKey.put(label.key(), label);
    }

    @Override
    public synchronized List<SentimentLabel> all() {
        List<SentimentLabel> all = new ArrayList<>(byKey.values());
        all.sort(Comparator.comparing(SentimentLabel::at).thenComparing(SentimentLabel::key));
        return all;
    }
}
