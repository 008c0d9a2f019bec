package io.socialbot.cli;

import io.socialbot.SocialbotApplication;
import io.socialbot.triage.LabelledText;
import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.SentimentLabels;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
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
        List<String> properties = ReplayCommand.ONE_SHOT;
        SpringApplication app = new SpringApplication(SocialbotApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        List<SentimentLabel> labels;
        boolean embedded;
        try (ConfigurableApplicationContext context = app.run(properties.toArray(String[]::new))) {
            labels = context.getBean(SentimentLabels.class).all();
            embedded = context.getEnvironment().getProperty("socialbot.redis.url", "").isBlank();
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
        List<SentimentLabel> compared = labels.stream().filter(l -> l.shown() != null).toList();
        if (compared.isEmpty()) {
            return s.toString();
        }
        long agreed = compared.stream().filter(SentimentLabel::agreed).count();
        s.append(String.format(Locale.ROOT, "; triage agreed on %,d of %,d (%.0f%%)", agreed, compared.size(),
                100.0 * agreed / compared.size()));
        List<String> ways = new ArrayList<>();
        for (Label shown : Label.values()) {
            for (Label label : Label.values()) {
                long n = compared.stream().filter(l -> l.shown() == shown && l.label() == label).count();
                if (shown != label && n > 0) {
                    ways.add(n + "\t" + SentimentLabel.name(shown) + " read where people said " + SentimentLabel.name(label));
                }
            }
        }
        ways.sort((a, b) -> Long.compare(Long.parseLong(b.split("\t")[0]), Long.parseLong(a.split("\t")[0])));
        if (!ways.isEmpty()) {
            s.append("; corrected: ").append(String.join(", ", ways.stream().map(w -> w.replace('\t', ' ')).toList()));
        }
        return s.toString();
    }
}
