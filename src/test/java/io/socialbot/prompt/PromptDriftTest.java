package io.socialbot.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every template id in code has its file in prompts/, uses only the placeholders code supplies, and back. */
class PromptDriftTest {

    static List<PromptId> declaredIds() throws Exception {
        List<PromptId> ids = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.socialbot")) {
            for (JavaField f : c.getFields()) {
                if (f.getRawType().isEquivalentTo(PromptId.class) && f.getModifiers().contains(JavaModifier.STATIC)) {
                    Field field = f.reflect();
                    field.setAccessible(true);
                    ids.add((PromptId) field.get(null));
                }
            }
        }
        return ids;
    }

    @Test
    void everyTemplateIdHasItsFileAndItsPlaceholdersResolve() throws Exception {
        List<PromptId> ids = declaredIds();
        assertThat(ids).as("template ids declared in code").hasSizeGreaterThan(5);
        PromptTemplates templates = new PromptTemplates(null);
        for (PromptId id : ids) {
            Path file = Path.of("prompts").resolve(id.fileName());
            assertThat(file).as("file for template id " + id.id()).exists();
            // render from the repo's directory, not the copy in target/, so an edit is checked before a build
            PromptTemplates fromRepo = new PromptTemplates(Path.of("prompts"));
            Set<String> used = fromRepo.placeholdersOf(id);
            assertThat(id.placeholders()).as("placeholders of " + id.id() + " used by its file")
                    .containsAll(used);
            assertThat(templates.exists(id)).as(id.id() + " is bundled").isTrue();
        }
    }

    @Test
    void everyTemplateFileIsUsedByCode() throws Exception {
        Set<String> declared = new TreeSet<>();
        declaredIds().forEach(id -> declared.add(id.fileName()));
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(Path.of("prompts"))) {
            walk.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("README.md"))
                    .forEach(p -> files.add(Path.of("prompts").relativize(p).toString().replace('\\', '/')));
        }
        assertThat(declared).as("template files without an id in code").containsAll(files);
    }

    @Test
    void renderingRefusesAMissingValue() {
        PromptTemplates templates = new PromptTemplates(null);
        PromptId general = io.socialbot.casework.ReplySuggestions.GENERAL;
        assertThat(templates.render(general, java.util.Map.of("handle", "@jo"))).startsWith("@jo ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> templates.render(general, java.util.Map.of()))
                .hasMessageContaining("{{handle}}");
    }
}
