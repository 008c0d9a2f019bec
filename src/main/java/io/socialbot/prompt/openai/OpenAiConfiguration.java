package io.socialbot.prompt.openai;

import io.socialbot.prompt.BudgetedLanguageModel;
import io.socialbot.prompt.LanguageModel;
import io.socialbot.prompt.ModelBudget;
import io.socialbot.prompt.ModelProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The language model, only when {@code socialbot.model.base-url} is set; always behind the per-minute cap. */
@Configuration(proxyBeanMethods = false)
class OpenAiConfiguration {

    @Bean
    @ConditionalOnExpression("!'${socialbot.model.base-url:}'.isBlank()")
    LanguageModel languageModel(ModelProperties properties, ModelBudget budget, Clock clock) {
        return new BudgetedLanguageModel(new OpenAiChatModel(properties, clock), budget);
    }
}
