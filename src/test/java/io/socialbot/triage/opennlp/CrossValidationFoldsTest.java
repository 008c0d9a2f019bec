package io.socialbot.triage.opennlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialbot.triage.LabelledText;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrossValidationFoldsTest {

    static List<LabelledText> rows;
    static Map<String, String> meta;

    @BeforeAll
    static void read() throws Exception {
        Path corpus = Path.of(CrossValidationFoldsTest.class.getResource("/sentiment/corpus.tsv").toURI());
        rows = LabelledText.read(corpus);
        meta = CrossValidationFolds.meta(corpus);
    }

    /** The folds each group's rows fell in. */
    private static Map<String, Set<Integer>> foldsOfGroups(CrossValidationFolds folding, int[] fold) {
        Map<String, Set<Integer>> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String group = folding.groupOf(rows.get(i));
            if (group != null) {
                seen.computeIfAbsent(group, g -> new HashSet<>()).add(fold[i]);
            }
        }
        return seen;
    }

    @Test
    void byBrandEachBrandsPostsShareOneFoldAndTheFoldsAreEven() {
        var folding = new CrossValidationFolds(CrossValidationFolds.Scheme.BRAND, meta);
        int[] fold = folding.folds(rows, new Random(2000));
        Map<String, Set<Integer>> seen = foldsOfGroups(folding, fold);
        assertThat(seen).hasSizeGreaterThan(20).allSatisfy((brand, folds) -> assertThat(folds).as(brand).hasSize(1));
        int[] sizes = new int[CrossValidationFolds.FOLDS];
        Arrays.stream(fold).forEach(k -> sizes[k]++);
        assertThat(Arrays.stream(sizes).min().getAsInt()).isGreaterThan(rows.size() / CrossValidationFolds.FOLDS - 50);
    }

    @Test
    void byKindEachKindAndTheFirstBatchShareOneFoldAndEveryFoldIsUsed() {
        var folding = new CrossValidationFolds(CrossValidationFolds.Scheme.KIND, meta);
        int[] fold = folding.folds(rows, new Random(2000));
        Map<String, Set<Integer>> seen = foldsOfGroups(folding, fold);
        assertThat(seen.keySet()).contains("kind complaint", "kind praise", "kind news", "kind promotion",
                "kind question", "kind everyday", "kind irony", "batch written-for-socialbot writer=w1");
        assertThat(seen).allSatisfy((group, folds) -> assertThat(folds).as(group).hasSize(1));
        assertThat(Arrays.stream(fold).distinct().count()).isEqualTo(CrossValidationFolds.FOLDS);
        assertThat(folding.groupOf(rows.get(0))).isEqualTo("batch written-for-socialbot writer=w1");
    }

    @Test
    void byWriterEachWritingBatchIsOneFoldOfItsOwn() {
        var folding = new CrossValidationFolds(CrossValidationFolds.Scheme.WRITER, meta);
        int[] fold = folding.folds(rows, new Random(2000));
        Map<String, Set<Integer>> seen = foldsOfGroups(folding, fold);
        assertThat(seen.keySet()).contains("writer w1", "writer w2", "writer w3");
        assertThat(seen).allSatisfy((group, folds) -> assertThat(folds).as(group).hasSize(1));
        // more writers than folds: the smallest share a fold, never one writer split across two
        assertThat(seen.values().stream().flatMap(Set::stream).distinct().count())
                .isEqualTo(Math.min(seen.size(), CrossValidationFolds.FOLDS));
        assertThat(folding.groupOf(rows.get(0))).isEqualTo("writer w1");
        var untagged = new CrossValidationFolds(CrossValidationFolds.Scheme.WRITER, Map.of("x1", "lang=en kind=news"));
        assertThatThrownBy(() -> untagged.groupOf(new LabelledText("x1", Label.NEUTRAL, "hello")))
                .hasMessageContaining("x1");
    }

    @Test
    void aRowWithoutMetaCannotBeGroupedByKind() {
        var folding = new CrossValidationFolds(CrossValidationFolds.Scheme.KIND, Map.of());
        assertThatThrownBy(() -> folding.groupOf(new LabelledText("x1", Label.NEUTRAL, "hello")))
                .hasMessageContaining("x1");
        assertThat(CrossValidationFolds.Scheme.of("kind")).isEqualTo(CrossValidationFolds.Scheme.KIND);
    }
}
