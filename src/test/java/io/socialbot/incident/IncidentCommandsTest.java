package io.socialbot.incident;

import io.socialbot.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.TwitterTextParser;
import io.socialbot.casework.twittertext.TwitterTextLength;
import io.socialbot.incident.redis.RedisIncidentStore;
import io.socialbot.prompt.PromptTemplates;
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
            new UpdateFit(new PromptTemplates(null), new TwitterTextLength()), IncidentProperties.defaults(), clock);

    @Test
    void onlyLeadsStartStopOrUpdate() {
        for (String text : new String[]{"start outage", "stop", "update fixed"}) {
            assertThat(commands.handle("UAGENT", text).reply()).contains("needs the lead role");
        }
        assertThat(store.current()).isEmpty();
        assertThat(commands.handle("UAGENT", "status").reply()).isEqualTo("No incident is running.");
    }

    @Test
    void statusAndListNeedARoleLikeStats() {
        for (String text : new String[]{"status", "list"}) {
            assertThat(commands.handle("UNOBODY", text).reply()).as(text).contains("needs the agent role");
            assertThat(commands.handle("UAGENT", text).reply()).as(text).doesNotContain("needs the");
        }
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
    void updateIsRecordedAndOffersTheBroadcastUnescapedAndSaysWhatIsLeft() {
        assertThat(commands.handle("ULEAD", "update found it").reply()).contains("No incident is running");
        commands.handle("ULEAD", "start outage");
        // Slack sends & < > as entities: the update for X carries the characters themselves
        var out = commands.handle("ULEAD", "update engineers found the &lt;fault&gt; &amp; fixed it");
        assertThat(out.offerBroadcast().text()).isEqualTo("engineers found the <fault> & fixed it");
        assertThat(out.reply()).contains("&lt;fault&gt; &amp; fixed");
        assertThat(store.updates("outage")).hasSize(1);
    }

    /**
     * The longest update that fits, worked out here from X's counting (twitter-text) and the template files: with a
     * 64-character incident name the broadcast reply is the tightest; the outage suggestion with a 15-character
     * handle the next. One character more is refused, naming what is over.
     */
    @Test
    void aMaximalUpdateWithALongIncidentNameFitsEveryReplyAndOneMoreCharacterIsRefused() throws Exception {
        String name = "n" + "x".repeat(63);
        commands.handle("ULEAD", "start " + name);
        String broadcastWords = "Thanks for bearing with us. Latest on the " + name + " issue:  We'll keep you posted here.";
        String outageWords = "@" + "h".repeat(15) + " We're so sorry, we know how much you rely on us and today we've "
                + "let you down.  We'll keep you posted here.";
        int max = 280 - Math.max(broadcastWords.length(), outageWords.length());
        String update = "u".repeat(max);
        var accepted = commands.handle("ULEAD", "update " + update);
        assertThat(accepted.offerBroadcast()).as(accepted.reply()).isNotNull();
        assertThat(accepted.reply()).contains("0 characters left", "reply/incident-update");
        // what would be sent, measured by X's own rules
        assertThat(TwitterTextParser.parseTweet(new PromptTemplates(null).render(UpdateBroadcast.REPLY,
                java.util.Map.of("incident", name, "update", update))).weightedLength).isEqualTo(280);

        var refused = commands.handle("ULEAD", "update " + update + "u");
        assertThat(refused.offerBroadcast()).isNull();
        assertThat(refused.reply()).contains("Not recorded", "281 characters", "Cut 1");
        assertThat(store.updates(name)).hasSize(1);
    }

    @Test
    void emojiCountTwiceAsXCountsThem() {
        commands.handle("ULEAD", "start outage");
        // the outage suggestion is the tightest for a short name: 280 minus its words, each emoji weighing 2
        String outageWords = "@" + "h".repeat(15) + " We're so sorry, we know how much you rely on us and today we've "
                + "let you down.  We'll keep you posted here.";
        int left = 280 - outageWords.length();
        assertThat(commands.handle("ULEAD", "update " + "\uD83D\uDE00".repeat(left / 2)).offerBroadcast()).isNotNull();
        assertThat(commands.handle("ULEAD", "update " + "\uD83D\uDE00".repeat(left / 2 + 1)).reply())
                .contains("Not recorded");
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
                false), new UpdateFit(new PromptTemplates(null), new TwitterTextLength()), IncidentProperties.defaults(),
                clock, java.util.Optional.of(links));
        assertThat(withPage.handle("ULEAD", "page").reply()).isEqualTo("No incident is running.");
        commands.handle("ULEAD", "start outage");
        assertThat(withPage.handle("UAGENT", "page").reply()).contains("needs the lead role");
        assertThat(withPage.handle("UAGENT", "page revoke").reply()).contains("needs the lead role");
        String reply = withPage.handle("ULEAD", "page").reply();
        assertThat(reply).contains("<https://bot.example.com/incident-page/outage?t=0.", "|open the page>",
                "until 2026-03-02 21:20 GMT");
        String token = reply.replaceFirst("(?s).*\\?t=([^|]+)\\|.*", "$1");
        assertThat(links.check("outage", token)).isInstanceOf(IncidentPageLinks.Granted.class);
        assertThat(withPage.handle("ULEAD", "page revoke").reply()).contains("*outage* now gets 403");
        assertThat(links.check("outage", token)).isEqualTo(new IncidentPageLinks.Refused("revoked"));
        assertThat(withPage.handle("ULEAD", "page now").reply()).startsWith("Usage");
        assertThat(commands.handle("ULEAD", "page").reply()).contains("not set up");
        assertThat(commands.handle("UAGENT", "").reply()).contains("/incident page");
    }
}
