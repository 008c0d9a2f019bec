package io.socialbot.casework.twittertext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reply length as X counts it, with twitter-text. */
@Configuration(proxyBeanMethods = false)
class TwitterTextConfiguration {

    @Bean
    TwitterTextLength replyLength() {
        return new TwitterTextLength();
    }
}
