package io.socialbot.cli;

import io.socialbot.platform.redis.RedisProperties;
import io.socialbot.triage.LabelledText;
import io.socialbot.triage.SentimentAgreement;
import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.SentimentLabels;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code labels --out=F.tsv}: writes the sentiment labels agents gave posts in Slack, read from the configured Redis
 * ({@code REDIS_URL}), as rows {@code eval} and {@code train} read, and says how often triage agreed with them.
 */
final class LabelsCommand {

    /** What {@code labels} was asked. */
    record Options(Path out) {
        Options {
            Objects.requireNonNull(out, "out");
        }
    }

    private LabelsCommand() {
    }

    static int run(Options options) throws Exception {
        List<SentimentLabel> labels;
        boolean embedded;
        try (ConfigurableApplicationContext context = OneShotContext.start(List.of())) {
            labels = context.getBean(SentimentLabels.class).all();
            embedded = context.getBean(RedisProperties.class).embedded();
        }
        write(labels, options.out());
        System.out.println(summary(labels, options.out()));
        if (labels.isEmpty() && embedded) {
            System.out.println("No REDIS_URL is set, so this read a fresh embedded Redis: set REDIS_URL to the bots' "
                    + "Redis to read the labels agents gave there.");
        }
        return 0;
    }

    /**
     * Writes the rows beside {@code out} and moves them into place, so a failure never leaves half a file; readable
     * by the owner only where the file system has POSIX permissions, since the rows are customers' words.
     */
    static void write(List<SentimentLabel> labels, Path out) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        Path partial = posix ? Files.createTempFile(dir, ".labels-", ".tsv",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".labels-", ".tsv");
        try {
            try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                writer.write(LabelledText.HEADER);
                writer.newLine();
                for (SentimentLabel label : labels) {
                    writer.write(label.tsvRow());
                    writer.newLine();
                }
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** How many rows, how often triage agreed, and which way it erred, largest first. */
    static String summary(List<SentimentLabel> labels, Path out) {
        StringBuilder s = new StringBuilder().append(String.format(Locale.ROOT, "labels: %,d written to %s",
                labels.size(), out));
        SentimentAgreement agreement = SentimentAgreement.of(labels);
        if (agreement.compared() == 0) {
            return s.toString();
        }
        s.append(String.format(Locale.ROOT, "; triage agreed on %,d of %,d (%.0f%%)", agreement.agreed(),
                agreement.compared(), 100.0 * agreement.agreed() / agreement.compared()));
        if (!agreement.misreadings().isEmpty()) {
            s.append("; corrected: ").append(String.join(", ", agreement.misreadings().stream()
                    .map(m -> m.count() + " " + SentimentLabel.name(m.shown()) + " read where people said "
                            + SentimentLabel.name(m.said())).toList()));
        }
        return s.toString();
    }
}
