package io.socialbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the shape: one-way capabilities (platform and prompt below all, then mention, triage, casework, stats,
 * incident), the X adapter, the command line and the benchmarks as leaves, and plain-Java cores, configurations
 * included. {@code casework.PlantedOffendersTest} shows each rule failing on a class that breaks it.
 */
public class ArchitectureTest {

    /** Lowest first: each may use those before it, never those after it. */
    public static final List<String> ORDER = List.of("platform", "prompt", "mention", "triage", "casework", "stats",
            "incident");
    /** Nothing in the product imports these (the root only starts the command line). */
    public static final List<String> LEAVES = List.of("x", "cli", "bench");
    /** Capability cores: plain Java, their Spring wiring included. */
    public static final List<String> CORES = List.of("mention", "triage", "casework", "incident", "stats", "prompt",
            "platform.access", "platform.time", "platform.retry", "platform.schedule", "platform.settings",
            "platform.progress");
    public static final String[] TECHNOLOGIES = {"com.slack..", "twitter4j..", "com.twitter..", "redis..",
            "opennlp..", "dev.langchain4j..", "ai.onnxruntime..", "org.knowm..", "jakarta.servlet..",
            "org.springframework.web.."};

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = importMain(new ClassFileImporter());
    }

    /** The product's classes, without tests. */
    public static JavaClasses importMain(ClassFileImporter importer) {
        return importer.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.socialbot");
    }

    /** No cycle between any two top-level packages (capabilities, platform, leaves). */
    public static ArchRule noCycles() {
        return slices().matching("io.socialbot.(*)..").should().beFreeOfCycles()
                .because("capabilities depend one way: a lower one owns a port or publishes an event");
    }

    /** Each capability uses only those below it in {@link #ORDER}, and no leaf. */
    public static ArchRule oneWay() {
        List<ArchRule> rules = new ArrayList<>();
        for (int i = 0; i < ORDER.size(); i++) {
            List<String> above = new ArrayList<>();
            ORDER.subList(i + 1, ORDER.size()).forEach(a -> above.add("io.socialbot." + a + ".."));
            LEAVES.forEach(l -> above.add("io.socialbot." + l + ".."));
            rules.add(noClasses().that().resideInAPackage("io.socialbot." + ORDER.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(above.toArray(String[]::new))
                    .because("the graph is " + String.join(" <- ", ORDER) + "; " + ORDER.get(i)
                            + " must not use what sits above it: own a port there and let the higher one implement it"));
        }
        return CompositeArchRule.of(rules);
    }

    /** The X adapter, the command line and the benchmarks are leaves: no product class imports them. */
    public static ArchRule leaves() {
        return CompositeArchRule.of(noClasses().that().resideOutsideOfPackage("io.socialbot.x..")
                        .should().dependOnClassesThat().resideInAPackage("io.socialbot.x..")
                        .because("the X adapter is a leaf: it implements casework's ReplySender and feeds mention's store"))
                .and(noClasses().that().resideOutsideOfPackages("io.socialbot", "io.socialbot.cli..", "io.socialbot.bench..")
                        .should().dependOnClassesThat().resideInAPackage("io.socialbot.cli..")
                        .because("only the entry point starts the command line"))
                .and(noClasses().that().resideOutsideOfPackage("io.socialbot.bench..")
                        .should().dependOnClassesThat().resideInAPackage("io.socialbot.bench..")
                        .because("benchmarks are not part of the product"));
    }

    /** Cores, their configurations included, import no Slack, X, Redis, NLP, chart or web technology. */
    public static ArchRule plainCores() {
        List<ArchRule> rules = new ArrayList<>();
        for (String core : CORES) {
            rules.add(noClasses().that().resideInAPackage("io.socialbot." + core)
                    .should().dependOnClassesThat().resideInAnyPackage(TECHNOLOGIES)
                    .because("the core of " + core + " is plain Java, its wiring too; technology and the "
                            + "@Configuration that wires it live in an adapter subpackage such as " + core + ".redis"));
        }
        return CompositeArchRule.of(rules);
    }

    /** A capability may use another's core ports, never its adapters. */
    public static ArchRule noReachingIntoAdapters() {
        List<ArchRule> rules = new ArrayList<>();
        List<String> capabilities = ORDER.subList(1, ORDER.size());
        for (String capability : capabilities) {
            for (String other : capabilities) {
                if (!other.equals(capability)) {
                    rules.add(noClasses().that().resideInAPackage("io.socialbot." + capability + "..")
                            .should().dependOnClassesThat().resideInAPackage("io.socialbot." + other + ".(*)..")
                            .because(capability + " may use " + other + "'s core ports, not its adapters"));
                }
            }
        }
        return CompositeArchRule.of(rules);
    }

    /** Configurations are package-private: each wires its own package and is found by the scan, not imported. */
    public static ArchRule packagePrivateConfigurations() {
        return classes().that().areAnnotatedWith(Configuration.class).and().resideOutsideOfPackage("io.socialbot")
                .should().notBePublic()
                .because("a configuration belongs to its package; nothing else names it");
    }

    @Test
    void everyPackageTheRulesNameHasClassesSoTheRulesCanFail() {
        List<String> packages = new ArrayList<>(CORES);
        packages.addAll(List.of("x", "cli")); // the benchmarks live in test sources: nothing in the product to check
        for (String p : packages) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().equals("io.socialbot." + p)))
                    .as("package io.socialbot.%s has classes", p).isTrue();
        }
    }

    @Test
    void noCycleBetweenCapabilities() {
        noCycles().check(classes);
    }

    @Test
    void capabilitiesDependOneWay() {
        oneWay().check(classes);
    }

    @Test
    void theXAdapterTheCommandLineAndTheBenchmarksAreLeaves() {
        leaves().check(classes);
    }

    @Test
    void coresAndTheirConfigurationsImportNoTechnology() {
        plainCores().check(classes);
    }

    @Test
    void capabilitiesDoNotReachIntoEachOthersAdapters() {
        noReachingIntoAdapters().check(classes);
    }

    @Test
    void configurationsArePackagePrivate() {
        packagePrivateConfigurations().check(classes);
    }
}
