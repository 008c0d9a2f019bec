package io.socialbot.mention.replay;

import io.socialbot.mention.MentionProperties;
import io.socialbot.mention.MentionStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The replay of a past incident when the bot starts (the laptop default). */
@Configuration(proxyBeanMethods = false)
class ReplayConfiguration {

    @Bean
    StartupReplay startupReplay(MentionStore store, MentionProperties properties) {
        return new StartupReplay(store, properties.replay());
    }
}
