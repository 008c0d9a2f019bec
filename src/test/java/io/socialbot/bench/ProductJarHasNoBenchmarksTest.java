package io.socialbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.SocialbotApplication;
import io.socialbot.triage.OutageGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The product jar is built from the main classes: none of them is a benchmark, a generator or a bench-only fake. */
class ProductJarHasNoBenchmarksTest {

    static final List<String> BENCH_ONLY = List.of("Bench", "Benchmarks", "OutageGenerator", "InMemoryClusterIndex");

    private static Path classesOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<String> benchClasses(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString()).filter(p -> p.endsWith(".class"))
                    .filter(p -> BENCH_ONLY.stream().anyMatch(p::contains)).toList();
        }
    }

    @Test
    void theMainClassesHoldNoBenchmarkOrGenerator() throws Exception {
        Path main = classesOf(SocialbotApplication.class);
        assertThat(benchClasses(main)).as("bench classes in %s", main).isEmpty();
    }

    @Test
    void theCheckSeesTheBenchmarksWhereTheyAre() throws Exception {
        // the same search over the test classes finds them, so an empty answer above is not a wrong path
        Path tests = classesOf(OutageGenerator.class);
        assertThat(tests).isNotEqualTo(classesOf(SocialbotApplication.class));
        assertThat(benchClasses(tests)).anyMatch(p -> p.endsWith("TriageBench.class"))
                .anyMatch(p -> p.endsWith("OutageGenerator.class")).anyMatch(p -> p.endsWith("Benchmarks.class"));
    }
}
