package io.socialbot.incident;

import io.socialbot.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.incident.redis.RedisIncidentStore;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.support.TestRedis;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncidentCommandsTest {

    private final RedisIncidentStore store = new RedisIncidentStore(TestRedis.client(), TestRedis.freshKeys());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:20:00Z"));
    private final IncidentCommands commands = new IncidentCommands(store,
            new AccessPolicy(Set.of("UAGENT"), Set.of("ULEAD", "ULEAD2"), Set.of(), false),
            IncidentProperties.defaults(), clock);

    @Test
    void onlyLeadsStartStopOrUpdate() {
        for (String text : new String[]{"start outage", "stop", "update fixed"}) {
            assertThat(commands.handle("UAGENT", text).reply()).contains("needs the lead role");
        }
        assertThat(store.current()).isEmpty();
        assertThat(commands.handle("UAGENT", "status").reply()).isEqualTo("No incident is running.");
    }

    @Test
    void startAnnouncesInTheGivenChannelAndASecondStartNamesTheRunningOne() {
        var started = commands.handle("ULEAD", "start network-outage <#C0INC|incident>");
        assertThat(started.announceChannel()).isEqualTo("C0INC");
        assertThat(started.announcement()).contains("network-outage", "<@ULEAD>");
        var refused = commands.handle("ULEAD2", "start other");
        assertThat(refused.reply()).contains("*network-outage* is already running");
        assertThat(refused.announceChannel()).isNull();
        assertThat(commands.handle("UAGENT", "status").reply()).contains("network-outage", "<@ULEAD>");
        var stopped = commands.handle("ULEAD2", "stop");
        assertThat(stopped.announceChannel()).isEqualTo("C0INC");
        assertThat(stopped.announcement()).contains("stopped by <@ULEAD2>");
        assertThat(commands.handle("UAGENT", "list").reply()).contains("network-outage", " to 2026-03-02");
    }

    @Test
    void defaultChannelAndBadNames() {
        assertThat(commands.handle("ULEAD", "start").reply()).startsWith("Usage");
        assertThat(commands.handle("ULEAD", "start <!channel>").reply()).startsWith("Usage");
        assertThat(commands.handle("ULEAD", "start outage").announceChannel()).isEqualTo("incident");
    }

    @Test
    void updateIsRecordedAndOffersTheBroadcastAndLongOnesAreRefused() {
        assertThat(commands.handle("ULEAD", "update found it").reply()).contains("No incident is running");
        commands.handle("ULEAD", "start outage");
        var out = commands.handle("ULEAD", "update engineers found the <fault>");
        assertThat(out.offerBroadcast().text()).isEqualTo("engineers found the <fault>");
        assertThat(out.reply()).contains("&lt;fault&gt;");
        assertThat(commands.handle("ULEAD", "update " + "x".repeat(201)).reply()).contains("201 characters");
        assertThat(store.updates("outage")).hasSize(1);
    }

    @Test
    void unknownSubcommandsGetHelp() {
        assertThat(commands.handle("UAGENT", "launch <rockets>").reply())
                .contains("Unknown subcommand `launch`", "/incident start");
        assertThat(commands.handle("UAGENT", "").reply()).startsWith("*Incident commands*");
    }

    @Test
    void pageGivesLeadsASignedLinkToTheRunningIncidentAndRevokeEndsIt() {
        var generations = new io.socialbot.incident.redis.RedisPageLinkGenerations(TestRedis.client(),
                TestRedis.freshKeys());
        var links = new IncidentPageLinks(new IncidentPageProperties("https://bot.example.com",
                "0123456789abcdef0123456789abcdef", java.time.Duration.ofHours(12), java.time.Duration.ofSeconds(30)),
                generations, clock);
        var withPage = new IncidentCommands(store, new AccessPolicy(Set.of("UAGENT"), Set.of("ULEAD"), Set.of(),
                false), IncidentProperties.defaults(), clock, java.util.Optional.of(links));
        assertThat(withPage.handle("ULEAD", "page").reply()).isEqualTo("No incident is running.");
        commands.handle("ULEAD", "start outage");
        assertThat(withPage.handle("UAGENT", "page").reply()).contains("needs the lead role");
        assertThat(withPage.handle("UAGENT", "page revoke").reply()).contains("needs the lead role");
        String reply = withPage.handle("ULEAD", "page").reply();
        assertThat(reply).contains("<https://bot.example.com/incident-page/outage?t=0.", "|open the page>",
                "until 2026-03-02 21:20 UTC");
        String token = reply.replaceFirst("(?s).*\\?t=([^|]+)\\|.*", "$1");
        assertThat(links.check("outage", token)).isInstanceOf(IncidentPageLinks.Granted.class);
        assertThat(withPage.handle("ULEAD", "page revoke").reply()).contains("*outage* now gets 403");
        assertThat(links.check("outage", token)).isEqualTo(new IncidentPageLinks.Refused("revoked"));
        assertThat(withPage.handle("ULEAD", "page now").reply()).startsWith("Usage");
        assertThat(commands.handle("ULEAD", "page").reply()).contains("not set up");
        assertThat(commands.handle("UAGENT", "").reply()).contains("/incident page");
    }
}
