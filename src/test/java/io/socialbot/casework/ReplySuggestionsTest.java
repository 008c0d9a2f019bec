package io.socialbot.casework;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.prompt.PromptTemplates;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplySuggestionsTest {

    private final ReplySuggestions suggestions = new ReplySuggestions(new PromptTemplates(null));

    private static TriageDecision decision(Label label, String... themes) {
        return new TriageDecision("x:1", "1", "en", new TriageDecision.Sentiment(label, 0), TriageDecision.Priority.P3,
                List.of(), List.of(themes), null, true, "C0CARE");
    }

    @Test
    void goodNewsAboutTheOutageGetsThanksNotTheApology() {
        List<String> out = suggestions.suggest("jo", decision(Label.POSITIVE, "outage"), Optional.of("all fixed"));
        assertThat(out.get(0)).startsWith("@jo Thank you").contains("thanks for bearing with us");
        assertThat(out).noneMatch(s -> s.contains("sorry") || s.contains("let you down"));
    }

    @Test
    void anUpsetCustomerStillGetsTheOutageReplyWithTheUpdate() {
        List<String> out = suggestions.suggest("jo", decision(Label.NEGATIVE, "outage"), Optional.of("fix at 3pm."));
        assertThat(out.get(0)).startsWith("@jo We're so sorry").contains("fix at 3pm.");
    }
}
