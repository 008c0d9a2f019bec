package io.socialbot.casework.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.CaseWork;
import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionStore;
import io.socialbot.platform.schedule.RepeatingTask;
import io.socialbot.support.slack.SlackApiStub;
import io.socialbot.triage.DecisionStore;
import io.socialbot.triage.TriageDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The poster as the bot wires it: a heartbeat every third of the lease, and woken by a case recorded here. */
class DeliveryWiringTest {

    @Test
    void aCaseRecordedInThisProcessIsPostedAtOnceNotAtTheNextTickAndLeasesHaveAHeartbeat() {
        try (SlackApiStub slack = new SlackApiStub();
             ConfigurableApplicationContext bot = DraftsAndApprovalsWiringTest.start(
                     "--socialbot.slack.bot-token=xoxb-wiring", "--socialbot.slack.signing-secret=s",
                     "--socialbot.slack.api-url=" + slack.methodsUrl(),
                     "--socialbot.casework.delivery.tick=1h")) { // no tick comes during the test: only a wake-up
            assertThat(bot.getBean("caseDeliveryHeartbeat", RepeatingTask.class))
                    .hasToString("case-delivery-heartbeat every PT2S");
            Mention m = new Mention("w1", "twitter", Instant.now(), "no signal, 999 will not connect",
                    new Mention.Author("a1", "jo", "Jo", 67, false), "https://twitter.com/jo/status/w1", null, null,
                    null, Mention.Metrics.NONE);
            TriageDecision d = new TriageDecision(m.key(), m.id(), "en", null, TriageDecision.Priority.P1,
                    List.of("P1: safety"), List.of("emergency"), null, true, "#care-urgent");
            bot.getBean(MentionStore.class).accept(m);
            bot.getBean(DecisionStore.class).saveIfAbsent(d);

            bot.getBean(CaseWork.class).onDecision(m, d);

            assertThat(slack.await("chat.postMessage", 1, Duration.ofSeconds(10)).get(0).param("metadata"))
                    .contains("twitter:w1");
        }
    }
}
