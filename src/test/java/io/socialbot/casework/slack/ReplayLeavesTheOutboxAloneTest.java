package io.socialbot.casework.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.casework.Case;
import io.socialbot.casework.redis.RedisCaseOutbox;
import io.socialbot.casework.redis.RedisCaseStore;
import io.socialbot.cli.SocialbotCommands;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.support.Mentions;
import io.socialbot.support.TestRedis;
import io.socialbot.support.slack.SlackApiStub;
import io.socialbot.triage.TriageDecision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command-line replay into the bots' shared Redis, with a Slack token in its environment, delivers nothing. */
class ReplayLeavesTheOutboxAloneTest {

    @Test
    void aReplayWithASlackTokenNeitherPostsNorMarksTheBotsCases(@TempDir Path dir) throws Exception {
        String namespace = "rp" + UUID.randomUUID().toString().substring(0, 6);
        RedisKeys keys = new RedisKeys(namespace);
        RedisCaseStore cases = new RedisCaseStore(TestRedis.client(), keys);
        cases.create(new Case("twitter:waiting", "waiting", "jo", TriageDecision.Priority.P1, "#care-urgent", null,
                Case.Status.OPEN, null, 1, 0, null, Instant.now(), null, null, null, null));
        Path file = Files.writeString(dir.resolve("m.jsonl"), Mentions.line("r1", "no signal", "2026-03-02T08:15:00Z")
                + "\n");
        try (SlackApiStub slack = new SlackApiStub()) {
            Map<String, String> env = Map.of("socialbot.redis.url", TestRedis.url(), "socialbot.redis.namespace",
                    namespace, "socialbot.slack.bot-token", "xoxb-in-the-environment", "socialbot.slack.signing-secret",
                    "s", "socialbot.slack.api-url", slack.methodsUrl());
            env.forEach(System::setProperty);
            try {
                assertThat(SocialbotCommands.execute(new String[] {"replay", "--file=" + file})).isZero();
            } finally {
                env.keySet().forEach(System::clearProperty);
                // the command sets WARN levels for its own run; later tests in this JVM read INFO lines
                var logging = org.springframework.boot.logging.LoggingSystem.get(getClass().getClassLoader());
                logging.setLogLevel(org.springframework.boot.logging.LoggingSystem.ROOT_LOGGER_NAME,
                        org.springframework.boot.logging.LogLevel.INFO);
                logging.setLogLevel("io.socialbot", null);
            }
            assertThat(slack.calls("chat.postMessage")).isEmpty();
        }
        assertThat(cases.find("twitter:waiting").orElseThrow().posted()).isFalse();
        assertThat(new RedisCaseOutbox(TestRedis.client(), keys).pending()).isEqualTo(1); // still waiting for a bot
    }
}
