package io.socialbot.platform.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Exposes the role table to every capability's Slack commands. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    AccessPolicy accessPolicy(AccessProperties properties) {
        return properties.policy();
    }
}
