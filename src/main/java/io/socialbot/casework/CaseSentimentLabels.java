package io.socialbot.casework;

import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.SentimentLabels;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Clock;
import java.time.Instant;
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

    /** Someone labelled the post after this label was given: theirs is kept. */
    public record Superseded(String key) implements Outcome {
    }

    private final CaseWork work;
    private final SentimentLabels labels;
    private final Clock clock;

    public CaseSentimentLabels(CaseWork work, SentimentLabels labels, Clock clock) {
        this.work = work;
        this.labels = labels;
        this.clock = clock;
    }

    /**
     * Labels the case's post for {@code agent} as given at {@code givenAt} (Slack's time of the choice, the same for
     * every replica; null for now): the label given last is kept and shown, whichever replica writes last.
     */
    public Outcome label(String key, String agent, Label label, Instant givenAt) {
        Instant at = givenAt == null ? clock.instant() : givenAt;
        Optional<CaseView> view = work.view(key);
        if (view.isEmpty()) {
            return new NoCase(key);
        }
        TriageDecision.Sentiment shown = view.get().decision().sentiment();
        SentimentLabel kept = new SentimentLabel(view.get().mention().key(), view.get().mention().text(),
                view.get().decision().lang(), shown == null ? null : shown.label(), shown == null ? 0 : shown.score(),
                label, agent, at);
        if (!labels.record(kept)) {
            return new Superseded(key);
        }
        work.labelled(key, kept); // the post shows it, so nobody labels it again unknowing
        return new Labelled(kept);
    }
}
