package io.socialbot.mention.replay;

import io.socialbot.mention.IngestSummary;
import io.socialbot.mention.MentionProperties;
import io.socialbot.mention.MentionStore;
import io.socialbot.platform.schedule.DaemonThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/** Replays the configured file once the bot is up, in the background, and logs the summary. */
final class StartupReplay implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupReplay.class);

    private final MentionStore store;
    private final MentionProperties.Replay settings;

    StartupReplay(MentionStore store, MentionProperties.Replay settings) {
        this.store = store;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.onStart() || settings.file() == null || settings.file().isBlank()) {
            return;
        }
        Path file = Path.of(settings.file());
        if (!Files.isReadable(file)) {
            log.warn("Replay: {} is not readable from {}; nothing replayed", file, Path.of("").toAbsolutePath());
            return;
        }
        ReplayPace pace = ReplayPace.parse(settings.speed());
        DaemonThreads.startOne("startup-replay", () -> {
            log.info("Replay: {} at {}", file, pace.paced() ? pace.speed() + "x" : "full speed");
            try {
                IngestSummary summary = new ReplayRunner(store).run(file, pace, results -> { });
                log.info("Replay of {} done: {}", file.getFileName(), summary);
                summary.badLines().forEach(b -> log.info("Replay: bad line {}: {}", b.line(), b.reason()));
            } catch (Exception e) {
                log.error("Replay of {} stopped: {}", file, e.toString());
            }
        });
    }
}
