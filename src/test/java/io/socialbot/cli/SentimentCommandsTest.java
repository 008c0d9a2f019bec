package io.socialbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import io.socialbot.triage.TriageDecision.Sentiment;
import io.socialbot.triage.opennlp.DoccatSentimentClassifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentCommandsTest {

    @TempDir
    Path dir;

    /** A small labelled set whose neutral class the lexicon alone cannot find: "zork" marks positives. */
    private Path writeTsv(String name, int copies) throws Exception {
        List<String> lines = new ArrayList<>(List.of("id\tlabel\tmeta\ttext"));
        String[][] rows = {
            {"negative", "@AcmeAir flight delayed again, worst airline"},
            {"negative", "still no signal at home, useless"},
            {"negative", "lost my bag and nobody answers"},
            {"neutral", "what time does the lounge open"},
            {"neutral", "is the 7am train running"},
            {"neutral", "can I bring my dog on board"},
            {"positive", "zork flight today"},
            {"positive", "zork crew in Denver"},
            {"positive", "great crew, thank you"},
        };
        for (int c = 0; c < copies; c++) {
            for (int i = 0; i < rows.length; i++) {
                lines.add(c + "-" + i + "\t" + rows[i][0] + "\tmeta\t" + rows[i][1] + (c % 2 == 0 ? "" : " " + c));
            }
        }
        Path file = dir.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void evalPrintsAccuracyMacroF1PerClassAndSpeed() throws Exception {
        Path file = writeTsv("small.tsv", 1);
        CommandRun eval = CommandRun.of("eval", "--file=" + file);
        assertThat(eval.code()).isZero();
        String out = eval.out();
        assertThat(out).containsPattern("(?m)^accuracy 0\\.\\d{3}$").containsPattern("(?m)^macro-F1 0\\.\\d{3}$")
                .contains("F1 negative 1.000").containsPattern("(?m)^F1 positive ").containsPattern("(?m)^texts/s \\d+");
        assertThat(out).contains("with the shipped lexicon and model");
    }

    @Test
    void evalScoresTheLexiconAloneWhenAsked() throws Exception {
        Path file = writeTsv("small.tsv", 1);
        CommandRun alone = CommandRun.of("eval", "--file=" + file, "--lexicon");
        assertThat(alone.code()).isZero();
        assertThat(alone.out()).contains("with the shipped lexicon alone").containsPattern("(?m)^macro-F1 0\\.\\d{3}$");
        assertThat(CommandRun.of("eval", "--file=" + file, "--lexicon=true").out()).contains("lexicon alone");
        CommandRun notAlone = CommandRun.of("eval", "--file=" + file, "--lexicon=false");
        assertThat(notAlone.code()).isZero();
        assertThat(notAlone.out()).contains("with the shipped lexicon and model");
        CommandRun yes = CommandRun.of("eval", "--file=" + file, "--lexicon=yes");
        assertThat(yes.code()).isEqualTo(2);
        assertThat(yes.err()).contains("Invalid value for option '--lexicon': 'yes' is not a boolean");
    }

    @Test
    void onATerminalEvalShowsTextsDoneRateAndTimeLeftThenTheSameReport() throws Exception {
        Path file = writeTsv("many.tsv", 100); // 900 texts: five batches of at most 200
        CommandRun shown = CommandRun.of(CommandRun.onATerminal(), "eval", "--file=" + file, "--lexicon");
        assertThat(shown.code()).isZero();
        // one clock reading a second: scoring starts at 1 s (after the model is loaded), 200 texts at 2 s, ...
        assertThat(shown.out()).contains("\reval: 200/900 texts (22%), 200/s, ETA 4 s",
                "\reval: 400/900 texts (44%), 200/s, ETA 3 s", "\reval: 800/900 texts (88%), 200/s, ETA 1 s",
                "\reval: 900/900 texts (100%), 180/s");
        CommandRun piped = CommandRun.of("eval", "--file=" + file, "--lexicon");
        assertThat(piped.code()).isZero();
        assertThat(piped.out()).doesNotContain("\r").doesNotContain("ETA").startsWith("eval " + file)
                .containsPattern("(?m)^macro-F1 0\\.\\d{3}$");
        // with the progress line blanked, the terminal got the very report the pipe got (but for its speed)
        String onScreen = shown.out().substring(0, shown.out().indexOf('\r'))
                + shown.out().substring(shown.out().lastIndexOf('\r') + 1);
        assertThat(withoutSpeed(onScreen)).isEqualTo(withoutSpeed(piped.out()));
        assertThat(shown.out().substring(shown.out().indexOf('\r'), shown.out().lastIndexOf('\r')))
                .as("one line, rewritten in place").doesNotContain("\n");
    }

    private static String withoutSpeed(String report) {
        return report.replaceAll("(?m)^texts/s \\d+$", "texts/s N");
    }

    @Test
    void onATerminalTrainShowsEachStage() throws Exception {
        Path file = writeTsv("train.tsv", 10);
        CommandRun shown = CommandRun.of(CommandRun.onATerminal(), "train", "--file=" + file,
                "--out=" + dir.resolve("m.bin"), "--embeddings=false");
        assertThat(shown.code()).isZero();
        // one reading a second: features from 1 s to 2 s, then the two members, one a second from 3 s
        assertThat(shown.out()).contains("\rtrain: 0/90 texts read (0%)", "\rtrain: 90/90 texts read (100%), 90/s",
                "\rtrain: 0/2 models trained (0%)", "\rtrain: 1/2 models trained (50%), 1.0/s, ETA 1 s",
                "\rtrain: 2/2 models trained (100%), 1.0/s");
        assertThat(shown.out().substring(shown.out().lastIndexOf('\r') + 1)).startsWith("trained on 90 texts")
                .hasLineCount(2);
        CommandRun embedded = CommandRun.of(CommandRun.onATerminal(), "train", "--file=" + file,
                "--out=" + dir.resolve("e.bin"), "--embeddings=true");
        assertThat(embedded.code()).isZero();
        // features at 2 s, the embeddings one reading later, then three members
        assertThat(embedded.out()).contains("\rtrain: 90/90 texts embedded (100%), 90/s",
                "\rtrain: 1/3 models trained (33%), 1.0/s, ETA 2 s", "\rtrain: 3/3 models trained (100%), 1.0/s");
    }

    @Test
    void trainWritesAModelThatEvalAndTheClassifierUse() throws Exception {
        Path file = writeTsv("train.tsv", 10);
        Path model = dir.resolve("model.bin");
        CommandRun trained = CommandRun.of("train", "--file=" + file, "--out=" + model, "--seed=7");
        assertThat(trained.code()).isZero();
        assertThat(model).isNotEmptyFile();
        // the summary alone: OpenNLP's per-iteration log lines are held back, and piped there is no progress line
        assertThat(trained.out().lines()).hasSize(2).first().asString().startsWith("trained on 90 texts")
                .contains("(seed 7, with sentence embeddings)");
        CommandRun eval = CommandRun.of("eval", "--file=" + file, "--model=" + model);
        assertThat(eval.code()).isZero();
        assertThat(eval.out()).contains("model " + model).contains("macro-F1 1.000");
        // the lexicon alone calls "zork flight today" neutral; the trained model has learnt it
        LexiconSentimentClassifier lexicon = new LexiconSentimentClassifier();
        assertThat(lexicon.classify("zork flight today").label()).isEqualTo(Label.NEUTRAL);
        DoccatSentimentClassifier loaded = DoccatSentimentClassifier.load(model, lexicon);
        assertThat(loaded.usesEmbeddings()).isTrue();
        // many at once, embedded on all cores, read as each alone
        List<String> texts = List.of("zork flight today", "lost my bag and nobody answers", "is the 7am train running");
        List<Sentiment> together = loaded.classifyAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            Sentiment alone = loaded.classify(texts.get(i));
            assertThat(together.get(i).label()).isEqualTo(alone.label());
            assertThat(together.get(i).score()).isCloseTo(alone.score(), within(1e-6));
        }
        assertThat(loaded.classify("zork flight today").label()).isEqualTo(Label.POSITIVE);
        assertThat(loaded.classify("zork flight today").score()).isBetween(0.0, 1.0);
    }

    @Test
    void trainWithoutEmbeddingsWritesTheFastModel() throws Exception {
        Path file = writeTsv("train.tsv", 10);
        Path model = dir.resolve("fast.bin");
        CommandRun trained = CommandRun.of("train", "--file=" + file, "--out=" + model, "--embeddings=false");
        assertThat(trained.code()).isZero();
        assertThat(trained.out()).contains("without sentence embeddings");
        DoccatSentimentClassifier loaded = DoccatSentimentClassifier.load(model, new LexiconSentimentClassifier());
        assertThat(loaded.usesEmbeddings()).isFalse();
        assertThat(loaded.classify("zork crew in Denver").label()).isEqualTo(Label.POSITIVE);
        assertThat(loaded.classify("still no signal at home, useless").label()).isEqualTo(Label.NEGATIVE);
        CommandRun maybe = CommandRun.of("train", "--file=" + file, "--out=" + model, "--embeddings=maybe");
        assertThat(maybe.code()).isEqualTo(2);
        assertThat(maybe.err()).contains("Invalid value for option '--embeddings': 'maybe' is not a boolean");
    }

    @Test
    void aModelThatNeedsAnEmbedderThisVersionLacksIsRefused() throws Exception {
        MaxentModel weights = new GISModel(new Context[] {new Context(new int[] {0}, new double[] {1})},
                new String[] {"zork"}, new String[] {"positive", "negative"});
        Path other = dir.resolve("other.bin");
        new DoccatModel("x", weights, Map.of("socialbot.sentiment.features",
                "words-negation-bigrams-lexicon-chargrams-nbscaled", "socialbot.sentiment.embeddings", "bert-huge"),
                new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator()})).serialize(other);
        assertThatThrownBy(() -> DoccatSentimentClassifier.load(other, new LexiconSentimentClassifier()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bert-huge")
                .hasMessageContaining("run train again");
    }

    @Test
    void aModelTrainedOnOtherFeaturesIsRefused() throws Exception {
        // as the previous version wrote them: OpenNLP's own word and bigram features, no features entry
        MaxentModel weights = new GISModel(new Context[] {new Context(new int[] {0}, new double[] {1})},
                new String[] {"bow=zork"}, new String[] {"positive", "negative"});
        Path old = dir.resolve("old.bin");
        new DoccatModel("x", weights, Map.of(), new DoccatFactory(new FeatureGenerator[] {
            new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)})).serialize(old);
        Path file = writeTsv("old.tsv", 1);
        CommandRun eval = CommandRun.of("eval", "--file=" + file, "--model=" + old);
        assertThat(eval.code()).isEqualTo(2);
        assertThat(eval.err()).startsWith("eval: ").contains("run train again");
    }

    @Test
    void badInputGetsAClearError() throws Exception {
        assertThat(CommandRun.of("eval").err()).contains("Missing required option: '--file=FILE.tsv'");
        CommandRun nope = CommandRun.of("eval", "--file=" + dir.resolve("nope.tsv"));
        assertThat(nope.code()).isEqualTo(2);
        assertThat(nope.err()).contains("Invalid value for option '--file': no such file: " + dir.resolve("nope.tsv"));
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "id\tlabel\tmeta\ttext\n1\tangry\tm\tgrr\n");
        CommandRun angry = CommandRun.of("eval", "--file=" + bad);
        assertThat(angry.code()).isEqualTo(2);
        assertThat(angry.err()).startsWith("eval: ").contains("line 2").contains("angry");
        Path file = writeTsv("t.tsv", 1);
        assertThat(CommandRun.of("train", "--file=" + file).err()).contains("Missing required option: '--out=model.bin'");
        CommandRun seed = CommandRun.of("train", "--file=" + file, "--out=" + dir.resolve("m.bin"), "--seed=x");
        assertThat(seed.code()).isEqualTo(2);
        assertThat(seed.err()).contains("Invalid value for option '--seed': 'x' is not a long");
        assertThat(LabelledText.read(file)).hasSize(9);
    }
}
