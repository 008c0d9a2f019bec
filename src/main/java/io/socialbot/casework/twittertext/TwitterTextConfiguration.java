package io.socialbot.casework.twittertext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reply length and the links and mentions in a reply as X finds them, with twitter-text. */
@Configuration(proxyBeanMethods = false)
class TwitterTextConfiguration {

    @Bean
    TwitterTextLength replyLength() {
        return new TwitterTextLength();
    }

    @Bean
    TwitterTextEntities replyEntities() {
        return new TwitterTextEntities();
    }
}
