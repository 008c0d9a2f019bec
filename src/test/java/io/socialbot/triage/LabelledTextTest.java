package io.socialbot.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sentiment TSV: rows written by {@link LabelledText#row} read back as written, whatever the text holds. */
class LabelledTextTest {

    @TempDir
    Path dir;

    @Test
    void aRowReadsBackWithLineBreaksAsSpacesAndTabsKeptInTheText() throws Exception {
        String text = "still down\r\nfor me\nand\rher\u2028too\tat home 😡 <@U1> &amp;";
        Path file = dir.resolve("rows.tsv");
        Files.write(file, List.of(LabelledText.HEADER,
                LabelledText.row("x:1\t2", Label.NEGATIVE, "by=U1\nat=now", text),
                LabelledText.row("x:3", Label.NEUTRAL, "", "")), StandardCharsets.UTF_8);
        assertThat(LabelledText.read(file)).containsExactly(
                new LabelledText("x:1 2", Label.NEGATIVE, "still down for me and her too\tat home 😡 <@U1> &amp;"),
                new LabelledText("x:3", Label.NEUTRAL, ""));
    }

    @Test
    void theCorpusOnTheClasspathIsTheRepositorysFile() throws Exception {
        List<LabelledText> corpus = LabelledText.readCorpus();
        assertThat(corpus).isEqualTo(LabelledText.read(Path.of("src/main/resources/sentiment/corpus.tsv")));
        assertThat(corpus).hasSizeGreaterThan(15_000);
    }

    @Test
    void aBadRowIsAnErrorNamingItsLine() throws Exception {
        Path file = dir.resolve("bad.tsv");
        Files.write(file, List.of(LabelledText.HEADER, "x:1\tangry\tmeta\ttext"), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LabelledText.read(file)).hasMessageContaining("line 2: label 'angry'");
    }
}
