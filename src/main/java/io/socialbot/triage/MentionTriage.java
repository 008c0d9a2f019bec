package io.socialbot.triage;

import io.socialbot.mention.Mention;
import java.util.ArrayList;
import java.util.List;

/** Decides language, sentiment, cluster, relevance, themes, priority and route for one mention. */
public interface MentionTriage {

    TriageDecision triage(Mention mention);

    /**
     * Decides a batch in order, with the same answers as one {@link #triage} call per mention; a mention whose
     * triage throws fails alone and the others are still decided.
     */
    default List<Outcome> triageAll(List<Mention> mentions) {
        List<Outcome> outcomes = new ArrayList<>(mentions.size());
        for (Mention mention : mentions) {
            try {
                outcomes.add(new Outcome.Triaged(triage(mention)));
            } catch (RuntimeException e) {
                outcomes.add(new Outcome.Failed(e));
            }
        }
        return outcomes;
    }

    /** What became of one mention of a batch: its decision, or the error that stopped its triage. */
    sealed interface Outcome {

        /** The mention was decided. */
        record Triaged(TriageDecision decision) implements Outcome {
        }

        /** The mention's triage threw; the mention is left to be retried. */
        record Failed(RuntimeException error) implements Outcome {
        }
    }
}
