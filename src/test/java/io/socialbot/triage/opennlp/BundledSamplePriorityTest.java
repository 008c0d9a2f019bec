package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionJson;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageDecision.Priority;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample ({@code samples/outage-2026-03-02.jsonl}, what {@code spring-boot:run} replays) with the shipped
 * settings: its safety and press mentions, found by the sample's own wording, are all P1, and P1 stays a small share.
 */
class BundledSamplePriorityTest {

    /** Words only the sample's safety and press posts use. */
    private static final List<String> PLANTED = List.of("call an ambulance", "personal alarm",
            "journalist at Daily Tech");

    @Test
    void everySafetyAndPressMentionOfTheSampleIsP1() throws Exception {
        List<Mention> sample = Files.readAllLines(Path.of("samples/outage-2026-03-02.jsonl"), StandardCharsets.UTF_8)
                .stream().map(MentionJson::parseLine).filter(MentionJson.Valid.class::isInstance)
                .map(parsed -> ((MentionJson.Valid) parsed).mention()).toList(); // its broken lines are refused
        List<TriageDecision> decisions = OutageDayPriorityTest.triaged(sample,
                ShippedDoccatModel.blendedWith(new LexiconSentimentClassifier()));

        int planted = 0;
        for (int i = 0; i < sample.size(); i++) {
            Mention m = sample.get(i);
            if (m.retweetOf() == null && !m.text().startsWith("RT ") && PLANTED.stream().anyMatch(m.text()::contains)) {
                planted++;
                assertThat(decisions.get(i).priority()).as(m.text() + " " + decisions.get(i).reasons())
                        .isEqualTo(Priority.P1);
            }
        }
        assertThat(planted).isGreaterThanOrEqualTo(3);
        long p1 = decisions.stream().filter(d -> d.priority() == Priority.P1).count();
        System.out.printf("bundled sample (%d mentions): %s; %d safety/press mentions all P1%n", sample.size(),
                OutageDayPriorityTest.shares(decisions), planted);
        assertThat(p1).isLessThan(sample.size() / 5);
    }
}
