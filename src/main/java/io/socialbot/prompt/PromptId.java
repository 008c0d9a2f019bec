package io.socialbot.prompt;

import java.util.Set;

/**
 * A template in {@code prompts/<id>.md} and the placeholders code supplies for it. Declare ids as
 * {@code static final} constants: the drift test finds them there and checks each file exists and uses only
 * the declared placeholders.
 */
public record PromptId(String id, Set<String> placeholders) {

    public PromptId {
        if (!id.matches("[a-z0-9-]+(/[a-z0-9-]+)*")) {
            throw new IllegalArgumentException("template id must be lower-case path segments: " + id);
        }
        placeholders = Set.copyOf(placeholders);
    }

    public static PromptId of(String id, String... placeholders) {
        return new PromptId(id, Set.of(placeholders));
    }

    /** Where the template lives, relative to the prompts directory. */
    public String fileName() {
        return id + ".md";
    }
}
