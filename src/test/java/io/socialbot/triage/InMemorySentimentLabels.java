package io.socialbot.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** People's sentiment labels in memory, with the Redis store's contract: one per mention, the latest by time kept. */
public final class InMemorySentimentLabels implements SentimentLabels {

    private final Map<String, SentimentLabel> byKey = new LinkedHashMap<>();

    @Override
    public synchronized boolean record(SentimentLabel label) {
        SentimentLabel kept = byKey.get(label.key());
        if (kept != null && kept.at().isAfter(label.at())) {
            return false;
        }
        byKey.put(label.key(), label);
        return true;
    }

    @Override
    public synchronized List<SentimentLabel> between(java.time.Instant from, java.time.Instant to) {
        List<SentimentLabel> all = new ArrayList<>();
        for (SentimentLabel l : byKey.values()) {
            if (!l.at().isBefore(from) && l.at().isBefore(to)) {
                all.add(l);
            }
        }
        all.sort(Comparator.comparing(SentimentLabel::at).thenComparing(SentimentLabel::key));
        return all;
    }
}
