package io.socialbot.casework;

import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.SentimentLabels;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Clock;
import java.util.Optional;

/**
 * An agent labels the sentiment of a case's post (its first mention): the label is kept with the mention's text as
 * it arrived and what triage said, so the team's own traffic can measure and retrain the model.
 */
public final class CaseSentimentLabels {

    /** What became of a label. */
    public sealed interface Outcome {
    }

    /** Kept; {@code label} says whether it agreed with triage. */
    public record Labelled(SentimentLabel label) implements Outcome {
    }

    /** No case, or its mention or decision is gone. */
    public record NoCase(String key) implements Outcome {
    }

    private final CaseWork work;
    private final SentimentLabels labels;
    private final Clock clock;

    public CaseSentimentLabels(CaseWork work, SentimentLabels labels, Clock clock) {
        this.work = work;
        this.labels = labels;
        this.clock = clock;
    }

    /** Labels the case's post for {@code agent}; a later label of the same post replaces this one. */
    public Outcome label(String key, String agent, Label label) {
        Optional<CaseView> view = work.view(key);
        if (view.isEmpty()) {
            return new NoCase(key);
        }
        TriageDecision.Sentiment shown = view.get().decision().sentiment();
        SentimentLabel kept = new SentimentLabel(view.get().mention().key(), view.get().mention().text(),
                view.get().decision().lang(), shown == null ? null : shown.label(), shown == null ? 0 : shown.score(),
                label, agent, clock.instant());
        labels.record(kept);
        work.labelled(key, label, agent); // the post shows it, so nobody labels it again unknowing
        return new Labelled(kept);
    }
}
