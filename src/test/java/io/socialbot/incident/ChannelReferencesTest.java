package io.socialbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.twittertext.TwitterTextLength;
import io.socialbot.incident.redis.RedisIncidentStore;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.support.MutableClock;
import io.socialbot.support.TestRedis;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Channels are referenced the way Slack links them, by id ({@code <#C...>}); a bare name is shown as plain text. */
class ChannelReferencesTest {

    IncidentCommands commands() {
        return new IncidentCommands(new RedisIncidentStore(TestRedis.client(), TestRedis.freshKeys()),
                new AccessPolicy(Set.of("UAGENT"), Set.of("ULEAD"), Set.of(), false),
                new UpdateFit(new PromptTemplates(null), new TwitterTextLength()), IncidentProperties.defaults(),
                new MutableClock(Instant.parse("2026-03-02T09:20:00Z")));
    }

    @Test
    void aChannelGivenAsSlackSendsItIsReferencedByItsId() {
        IncidentCommands commands = commands();
        String started = commands.handle("ULEAD", "start outage <#C0INCIDENT1|incident>").reply();
        assertThat(started).contains("<#C0INCIDENT1>").doesNotContain("<#incident>", "|incident");
        assertThat(commands.handle("UAGENT", "status").reply()).contains("channel <#C0INCIDENT1>");
    }

    @Test
    void aChannelNameIsNeverMadeIntoAReferenceSlackCannotResolve() {
        IncidentCommands commands = commands();
        String started = commands.handle("ULEAD", "start outage #incident").reply();
        assertThat(started).contains("#incident").doesNotContain("<#");
        assertThat(commands.handle("UAGENT", "status").reply()).contains("channel #incident").doesNotContain("<#");
    }
}
