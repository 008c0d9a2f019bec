package io.socialbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench command runs end to end on a small load and prints its figures (timing is not asserted). */
class BenchCommandTest {

    @Test
    void printsPipelineAndWebhookFigures() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(BenchCommand.run(Map.of("mentions", "300", "webhook-seconds", "1", "threads", "2", "slack-commands", "20"))).isZero();
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.print(out);
        assertThat(out).contains("pipeline: 300 mentions replayed").contains("duplicates 0")
                .contains("bytes per mention").containsPattern("webhook: \\d+ mentions accepted")
                .contains("0 failed requests").containsPattern("slack acks: 20 /queue commands.*0 not 200");
    }
}
