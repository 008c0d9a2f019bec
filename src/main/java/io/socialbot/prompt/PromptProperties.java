package io.socialbot.prompt;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code dir}: a directory of templates that override the bundled ones, file by file (optional). */
@ConfigurationProperties("socialbot.prompt")
public record PromptProperties(String dir) {
}
