package io.socialbot.triage.opennlp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The default jar leaves the sentence embedder out (provided scope; {@code -Pembeddings} packages it): only {@link
 * MiniLmSentenceEmbedder} may touch it, and only after {@link SentenceEmbeddings} found it, so every other class
 * loads in either build.
 */
class OptionalEmbedderTest {

    private static final String[] EMBEDDER = {"dev.langchain4j..", "ai.onnxruntime..", "ai.djl.."};

    private static ArchRule onlyTheEmbedderTouchesIt() {
        return noClasses().that().doNotHaveSimpleName("MiniLmSentenceEmbedder")
                .should().dependOnClassesThat().resideInAnyPackage(EMBEDDER)
                .because("the default build leaves the embedder out; a class that names it would fail to load");
    }

    @Test
    void onlyMiniLmSentenceEmbedderNamesTheEmbeddersClasses() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.socialbot");
        onlyTheEmbedderTouchesIt().check(main);
    }

    @Test
    void theRuleBitesOnAClassThatNamesTheEmbedder() {
        JavaClasses bad = new ClassFileImporter().importClasses(Offender.class);
        assertThatThrownBy(() -> onlyTheEmbedderTouchesIt().check(bad)).isInstanceOf(AssertionError.class);
    }

    @Test
    void thisBuildsTestsHaveTheEmbedder() {
        // provided scope: compiled and tested in every build, packaged only with -Pembeddings
        assertThat(SentenceEmbeddings.available()).isTrue();
    }

    /** Names an embedder type, as no class but the embedder may. */
    static final class Offender {
        dev.langchain4j.model.embedding.EmbeddingModel model;
    }
}
