package io.socialbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the shape: capability cores are plain Java; only adapters named for a technology import it. */
class ArchitectureTest {

    static final List<String> CAPABILITIES = List.of("mention", "triage", "casework", "incident", "stats", "prompt");
    static final String[] TECHNOLOGIES = {"com.slack..", "twitter4j..", "com.twitter..", "redis..", "opennlp..",
            "dev.langchain4j..", "ai.onnxruntime..",
            "org.knowm..", "jakarta.servlet..", "org.springframework.web.."};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.socialbot");
    }

    @Test
    void everyCapabilityPackageExistsSoTheRulesBelowCanFail() {
        for (String capability : CAPABILITIES) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().equals("io.socialbot." + capability)))
                    .as("core package io.socialbot.%s has classes", capability).isTrue();
        }
    }

    @Test
    void coresImportNoSlackXRedisOrNlp() {
        for (String capability : CAPABILITIES) {
            // *Configuration classes are the capability's wiring: they name the adapters they assemble.
            ArchRule rule = noClasses().that().resideInAPackage("io.socialbot." + capability)
                    .and().haveSimpleNameNotEndingWith("Configuration")
                    .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGIES)
                    .because("the core of " + capability + " must stay plain Java; put technology in an adapter "
                            + "subpackage such as " + capability + ".redis");
            rule.check(classes);
        }
    }

    @Test
    void capabilitiesDoNotReachIntoEachOthersAdapters() {
        for (String capability : CAPABILITIES) {
            for (String other : CAPABILITIES) {
                if (other.equals(capability)) {
                    continue;
                }
                noClasses().that().resideInAPackage("io.socialbot." + capability + "..")
                        .should().dependOnClassesThat().resideInAPackage("io.socialbot." + other + ".(*)..")
                        .because(capability + " may use " + other + "'s core ports, not its adapters")
                        .check(classes);
            }
        }
    }

    @Test
    void theRuleCatchesAViolation() {
        // A rule over the wrong package passes silently; prove this one bites on a class that breaks it.
        JavaClasses bad = new ClassFileImporter().importClasses(ArchitectureTest.class, Offender.class);
        ArchRule rule = noClasses().that().haveSimpleName("Offender")
                .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGIES);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule.check(bad)).isInstanceOf(AssertionError.class);
    }

    /** Imports Jedis, as a core class must not. */
    static final class Offender {
        redis.clients.jedis.UnifiedJedis redis;
    }
}
