package io.socialbot.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the texts that give the bot its voice from {@code prompts/}: {@code {{name}}} placeholders, and
 * {@code <!-- ... -->} comments for the people who edit them, dropped on render. A directory set in
 * configuration overrides the bundled copies file by file, so a team can tune its voice without a rebuild.
 */
public final class PromptTemplates {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9_.]+)\\s*}}");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->\\s*", Pattern.DOTALL);

    private final Path overrideDir;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** @param overrideDir a directory checked before the bundled templates, or null */
    public PromptTemplates(Path overrideDir) {
        this.overrideDir = overrideDir;
    }

    /** Renders a template; a placeholder without a value is an error, never an empty gap in a customer reply. */
    public String render(PromptId prompt, Map<String, ?> values) {
        String template = source(prompt);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String name = m.group(1);
            if (!values.containsKey(name) || values.get(name) == null) {
                throw new IllegalArgumentException("template " + prompt.id() + " needs a value for {{" + name + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(name))));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    /** The template text with comments removed. */
    public String source(PromptId prompt) {
        return cache.computeIfAbsent(prompt.id(), id -> COMMENT.matcher(load(prompt)
                .orElseThrow(() -> new IllegalStateException("no template file prompts/" + prompt.fileName())))
                .replaceAll(""));
    }

    /** The template text as its file reads now (no cache): for files a team edits while the bot runs. */
    public String current(PromptId prompt) {
        return COMMENT.matcher(load(prompt)
                .orElseThrow(() -> new IllegalStateException("no template file prompts/" + prompt.fileName())))
                .replaceAll("").strip();
    }

    public boolean exists(PromptId prompt) {
        return load(prompt).isPresent();
    }

    /** The placeholders a template uses. */
    public Set<String> placeholdersOf(PromptId prompt) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(source(prompt));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private Optional<String> load(PromptId prompt) {
        try {
            if (overrideDir != null) {
                Path file = overrideDir.resolve(prompt.fileName());
                if (Files.isRegularFile(file)) {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            try (InputStream in = PromptTemplates.class.getClassLoader()
                    .getResourceAsStream("prompts/" + prompt.fileName())) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
