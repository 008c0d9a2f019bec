package io.socialbot.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Exact percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value at rank
 * ceil(p/100 * n). It is always a value that was observed, which is what a manager expects to read.
 */
public final class Percentiles {

    private Percentiles() {
    }

    public static Optional<Duration> of(Collection<Duration> values, double percentile) {
        if (percentile <= 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(rank, 1) - 1));
    }

    public static Optional<Duration> median(Collection<Duration> values) {
        return of(values, 50);
    }

    public static Optional<Duration> p90(Collection<Duration> values) {
        return of(values, 90);
    }
}
