package io.socialbot.incident.web;

import io.socialbot.support.TestRedis;
import io.socialbot.support.slack.SignedSlackRequests;
import io.socialbot.support.slack.SlackApiStub;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The settings {@link IncidentPageBrowserTest} runs the whole bot with: a port, Redis, the Slack stub, the roles. */
final class IncidentPageBotSettings {

    private IncidentPageBotSettings() {
    }

    /** The bot on {@code port}, Slack at {@code slack}, lead ULEAD, agent UAGENT, pages signed with {@code secret}. */
    static void register(DynamicPropertyRegistry registry, int port, SlackApiStub slack, String secret) {
        registry.add("server.port", () -> port);
        registry.add("socialbot.redis.url", TestRedis::url);
        registry.add("socialbot.redis.namespace", () -> "ip" + UUID.randomUUID().toString().substring(0, 6));
        registry.add("socialbot.mention.replay.on-start", () -> "false");
        registry.add("socialbot.triage.worker.enabled", () -> "false");
        registry.add("socialbot.slack.bot-token", () -> "xoxb-page-test");
        registry.add("socialbot.slack.signing-secret", () -> SignedSlackRequests.SIGNING_SECRET);
        registry.add("socialbot.slack.api-url", slack::methodsUrl);
        registry.add("socialbot.access.open-to-all", () -> "false");
        registry.add("socialbot.access.leads", () -> "ULEAD");
        registry.add("socialbot.access.agents", () -> "UAGENT");
        registry.add("socialbot.incident.press-handles", () -> "newsdesk");
        registry.add("socialbot.incident.top-themes", () -> "8");
        registry.add("socialbot.incident-page.base-url", () -> "http://127.0.0.1:" + port);
        registry.add("socialbot.incident-page.secret", () -> secret);
        registry.add("socialbot.incident-page.link-ttl", () -> "2h");
    }

    /** A port free now, for the bot's fixed port. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
