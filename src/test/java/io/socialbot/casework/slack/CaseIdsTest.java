package io.socialbot.casework.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import io.socialbot.casework.ReplySuggestions;
import io.socialbot.casework.twittertext.TwitterTextLength;
import io.socialbot.mention.Mention;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.support.slack.SignedSlackRequests;
import io.socialbot.support.slack.TestSlackApps;
import io.socialbot.triage.TriageDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A case is claimed by the id its post shows, whatever its source's name (spaces, colons, markup). */
class CaseIdsTest {

    static final String AGENT = "U0AGENT";
    final DeliveryRig rig = new DeliveryRig();
    final App app = TestSlackApps.app(rig.slack, new CaseSlackListeners(rig.work,
            new ReplySuggestions(new PromptTemplates(null)), new TwitterTextLength(),
            new AccessPolicy(Set.of(AGENT), Set.of(), Set.of(), false), Optional::empty, Executors.newFixedThreadPool(2)));
    final SignedSlackRequests requests = new SignedSlackRequests(rig.slack);

    @AfterEach
    void stop() {
        rig.close();
    }

    /** The case id as the post shows it: {@code case `<id>`} in the state line. */
    String idShownOnThePost() {
        Matcher m = Pattern.compile("case `([^`]+)`").matcher(rig.slack.workspace().messages().get(0).blocks().toString());
        assertThat(m.find()).as("the post shows its case id").isTrue();
        return m.group(1);
    }

    @Test
    void aSourceWithSpacesAndAColonIsClaimedByTheIdShownAndByItsButton() throws Exception {
        Mention m = new Mention("77 88", "face book: EU", Instant.parse("2026-03-02T08:15:00Z"), "no signal",
                new Mention.Author("a1", "jo", "Jo", 10, false), null, null, null, null, Mention.Metrics.NONE);
        rig.decide(m, List.of("outage"), TriageDecision.Sentiment.Label.NEGATIVE);
        rig.drain();
        String shown = idShownOnThePost();
        assertThat(shown).isEqualTo(m.key()).doesNotContain(" ");

        var ack = app.run(requests.slashCommand("/claim", shown, AGENT));
        assertThat(CaseSlackListenersTest.ackText(ack)).contains("You own case");
        assertThat(rig.work.find(m.key()).orElseThrow().owner()).isEqualTo(AGENT);

        app.run(requests.slashCommand("/release", shown, AGENT));
        app.run(requests.blockAction("case_claim", m.key(), AGENT, "C0CARE", "1700000000.000100"));
        assertThat(rig.slack.await("response_url", 1, Duration.ofSeconds(5)).get(0).param("text"))
                .contains("You own case");
    }
}
