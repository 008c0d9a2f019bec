package io.socialbot.platform.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.support.TestRedis;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.yaml.snakeyaml.Yaml;

/** Every slash command the app registers is in the Slack manifest, and every command there is handled. */
class SlackManifestDriftTest {

    @Test
    @SuppressWarnings("unchecked")
    void commandsInCodeAndManifestAgree() throws Exception {
        TreeSet<String> inCode = new TreeSet<>();
        SpringApplication app = new SpringApplication(io.socialbot.SocialbotApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = app.run("--socialbot.redis.url=" + TestRedis.url(),
                "--socialbot.redis.namespace=md" + UUID.randomUUID().toString().substring(0, 6),
                "--socialbot.mention.replay.on-start=false", "--socialbot.triage.worker.enabled=false",
                "--logging.level.root=WARN")) {
            context.getBeansOfType(SlackListeners.class).values().forEach(l -> inCode.addAll(l.commands()));
        }
        TreeSet<String> inManifest = new TreeSet<>();
        try (InputStream in = Files.newInputStream(Path.of("manifests/slack/manifest.yml"))) {
            Map<String, Object> manifest = new Yaml().load(in);
            Map<String, Object> features = (Map<String, Object>) manifest.get("features");
            for (Map<String, Object> command : (List<Map<String, Object>>) features.get("slash_commands")) {
                inManifest.add((String) command.get("command"));
                assertThat((String) command.get("url")).endsWith("/slack/events");
            }
            Map<String, Object> settings = (Map<String, Object>) manifest.get("settings");
            assertThat((String) ((Map<String, Object>) settings.get("interactivity")).get("request_url"))
                    .endsWith("/slack/events");
        }
        assertThat(inCode).as("commands registered by SlackListeners beans").isNotEmpty();
        assertThat(inManifest).as("manifest commands vs code").isEqualTo(inCode);
    }
}
