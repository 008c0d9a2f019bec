package io.socialbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.prompt.PromptId;
import io.socialbot.prompt.PromptTemplates;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every template id this capability declares has its file, using exactly the placeholders the code supplies. */
class IncidentPromptsTest {

    @Test
    void declaredTemplatesExistAndUseTheDeclaredPlaceholders() throws Exception {
        PromptTemplates templates = new PromptTemplates(null);
        List<PromptId> ids = new ArrayList<>();
        for (Class<?> type : List.of(DigestText.class, UpdateBroadcast.class)) {
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == PromptId.class) {
                    f.setAccessible(true);
                    ids.add((PromptId) f.get(null));
                }
            }
        }
        assertThat(ids).hasSizeGreaterThan(15);
        for (PromptId id : ids) {
            assertThat(templates.exists(id)).as(id.id()).isTrue();
            assertThat(templates.placeholdersOf(id)).as(id.id()).containsExactlyInAnyOrderElementsOf(id.placeholders());
        }
    }
}
