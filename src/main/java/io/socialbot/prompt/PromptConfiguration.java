package io.socialbot.prompt;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The template renderer shared by replies and digests. */
@Configuration(proxyBeanMethods = false)
class PromptConfiguration {

    @Bean
    PromptTemplates promptTemplates(PromptProperties properties) {
        return new PromptTemplates(properties.dir() == null || properties.dir().isBlank() ? null : Path.of(properties.dir()));
    }
}
