package io.socialbot.triage;

import static io.socialbot.triage.TriageFixtures.mention;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionTimeTriageTest {

    private final MentionTimeTriage triage = new MentionTimeTriage(new DefaultMentionTriage(
            TriageFixtures.shippedSettings(), TriageFixtures.languages(), TriageFixtures.sentiments(),
            new InMemoryClusterIndex(), new InMemoryRateGuard(java.time.Clock.systemUTC(),
                    new TriageProperties.RateGuard(1.0, 3))));

    private static io.socialbot.mention.Mention urgent(int i, int second) {
        return TriageFixtures.at(mention("e" + i, "@BrandTel ambulance can't get through, call " + i + " of "
                + "abcdefghijklmnop".substring(i) + " here"), TriageFixtures.T0.plusSeconds(second));
    }

    @Test
    void postsArePacedOnTheMentionsOwnClockWithinABatch() {
        List<io.socialbot.mention.Mention> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(urgent(i, 0)); // five at once: the burst of three goes, two wait
        }
        batch.add(urgent(5, 10)); // ten seconds later on the day: the channel has room again

        List<String> postedTo = triage.triageAll(batch).stream()
                .map(o -> ((MentionTriage.Outcome.Triaged) o).decision().postedTo()).toList();

        assertThat(postedTo).containsExactly("#care-urgent", "#care-urgent", "#care-urgent", null, null,
                "#care-urgent");
    }
}
