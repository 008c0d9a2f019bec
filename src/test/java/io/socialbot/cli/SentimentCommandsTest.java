package io.socialbot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.LexiconSentimentClassifier;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import io.socialbot.triage.TriageDecision.Sentiment;
import io.socialbot.triage.opennlp.DoccatSentimentClassifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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

    private static String captured(ThrowingRunnable run) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(old);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        old.print(out);
        return out;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void evalPrintsAccuracyMacroF1PerClassAndSpeed() throws Exception {
        Path file = writeTsv("small.tsv", 1);
        String out = captured(() -> assertThat(EvalCommand.run(Map.of("file", file.toString()))).isZero());
        assertThat(out).containsPattern("(?m)^accuracy 0\\.\\d{3}$").containsPattern("(?m)^macro-F1 0\\.\\d{3}$")
                .contains("F1 negative 1.000").containsPattern("(?m)^F1 positive ").containsPattern("(?m)^texts/s \\d+");
        assertThat(out).contains("with the shipped lexicon and model");
    }

    @Test
    void evalScoresTheLexiconAloneWhenAsked() throws Exception {
        Path file = writeTsv("small.tsv", 1);
        String out = captured(() -> assertThat(EvalCommand.run(Map.of("file", file.toString(), "lexicon", "true")))
                .isZero());
        assertThat(out).contains("with the shipped lexicon alone").containsPattern("(?m)^macro-F1 0\\.\\d{3}$");
        String notAlone = captured(() -> assertThat(EvalCommand.run(Map.of("file", file.toString(),
                "lexicon", "false"))).isZero());
        assertThat(notAlone).contains("with the shipped lexicon and model");
        assertThatThrownBy(() -> EvalCommand.run(Map.of("file", file.toString(), "lexicon", "yes")))
                .hasMessageContaining("--lexicon must be true or false");
    }

    @Test
    void trainWritesAModelThatEvalAndTheClassifierUse() throws Exception {
        Path file = writeTsv("train.tsv", 10);
        Path model = dir.resolve("model.bin");
        String trained = captured(() -> assertThat(TrainCommand.run(Map.of("file", file.toString(),
                "out", model.toString(), "seed", "7"))).isZero());
        assertThat(model).isNotEmptyFile();
        // the summary alone: OpenNLP's per-iteration log lines are held back
        assertThat(trained.lines()).hasSize(2).first().asString().startsWith("trained on 90 texts");
        String out = captured(() -> assertThat(EvalCommand.run(Map.of("file", file.toString(),
                "model", model.toString()))).isZero());
        assertThat(out).contains("model " + model).contains("macro-F1 1.000");
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
        String trained = captured(() -> assertThat(TrainCommand.run(Map.of("file", file.toString(),
                "out", model.toString(), "embeddings", "false"))).isZero());
        assertThat(trained).contains("without sentence embeddings");
        DoccatSentimentClassifier loaded = DoccatSentimentClassifier.load(model, new LexiconSentimentClassifier());
        assertThat(loaded.usesEmbeddings()).isFalse();
        assertThat(loaded.classify("zork crew in Denver").label()).isEqualTo(Label.POSITIVE);
        assertThat(loaded.classify("still no signal at home, useless").label()).isEqualTo(Label.NEGATIVE);
        assertThatThrownBy(() -> TrainCommand.run(Map.of("file", file.toString(), "out", model.toString(),
                "embeddings", "maybe"))).hasMessageContaining("--embeddings must be true or false");
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
        assertThatThrownBy(() -> EvalCommand.run(Map.of("file", file.toString(), "model", old.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run train again");
    }

    @Test
    void badInputGetsAClearError() throws Exception {
        assertThatThrownBy(() -> EvalCommand.run(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--file");
        assertThatThrownBy(() -> EvalCommand.run(Map.of("file", dir.resolve("nope.tsv").toString())))
                .hasMessageContaining("no such file");
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "id\tlabel\tmeta\ttext\n1\tangry\tm\tgrr\n");
        assertThatThrownBy(() -> EvalCommand.run(Map.of("file", bad.toString())))
                .hasMessageContaining("line 2").hasMessageContaining("angry");
        Path file = writeTsv("t.tsv", 1);
        assertThatThrownBy(() -> TrainCommand.run(Map.of("file", file.toString())))
                .hasMessageContaining("--out");
        assertThatThrownBy(() -> TrainCommand.run(Map.of("file", file.toString(), "out", "m.bin", "seed", "x")))
                .hasMessageContaining("--seed");
        assertThat(LabelledText.read(file)).hasSize(9);
    }
}
