package io.socialbot.mention.replay;

import io.socialbot.mention.IngestSummary;
import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a JSON Lines file of mentions in batches: memory stays flat whatever the file size. Bad lines are
 * counted with their line number and reason, and the replay goes on.
 */
final class ReplayFile {

    /** A valid mention and the line it came from. */
    public record Line(long number, Mention mention) {
    }

    /** Receives each batch of valid lines, in file order. */
    public interface BatchHandler {
        void accept(List<Line> batch) throws Exception;
    }

    private final Path file;
    private final int batchSize;

    public ReplayFile(Path file, int batchSize) {
        this.file = file;
        this.batchSize = batchSize;
    }

    /** Reads the whole file, counting read and bad lines into {@code summary}; blank lines are skipped. */
    public void read(IngestSummary summary, BatchHandler handler) throws Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(
                new java.io.InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            List<Line> batch = new ArrayList<>(batchSize);
            String text;
            long number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                summary.countRead();
                MentionJson.Parsed parsed = MentionJson.parseLine(text);
                if (parsed instanceof MentionJson.Valid valid) {
                    batch.add(new Line(number, valid.mention()));
                    if (batch.size() >= batchSize) {
                        handler.accept(batch);
                        batch = new ArrayList<>(batchSize);
                    }
                } else {
                    summary.countBad(number, ((MentionJson.Invalid) parsed).message());
                }
            }
            if (!batch.isEmpty()) {
                handler.accept(batch);
            }
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
