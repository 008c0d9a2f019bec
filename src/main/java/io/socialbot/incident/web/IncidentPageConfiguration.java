package io.socialbot.incident.web;

import io.socialbot.incident.DigestComposer;
import io.socialbot.incident.IncidentPageLinks;
import io.socialbot.incident.IncidentPageProperties;
import io.socialbot.incident.IncidentProperties;
import io.socialbot.incident.IncidentStore;
import io.socialbot.incident.PageLinkGenerations;
import io.socialbot.prompt.PromptTemplates;
import java.time.Clock;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** The live incident page: signed links, the page and its stylesheet, and their headers; on when configured. */
@Configuration(proxyBeanMethods = false)
@Conditional(IncidentPageConfiguration.PageConfigured.class)
class IncidentPageConfiguration {

    @Bean
    IncidentPageLinks incidentPageLinks(IncidentPageProperties properties, PageLinkGenerations generations,
                                        Clock clock) {
        return new IncidentPageLinks(properties, generations, clock);
    }

    @Bean
    RouterFunction<ServerResponse> incidentPageRoutes(IncidentPageLinks links, IncidentStore incidents,
                                                      DigestComposer composer, PromptTemplates templates,
                                                      IncidentProperties incidentProperties,
                                                      IncidentPageProperties pageProperties, Clock clock) {
        var handler = new IncidentPageHandler(links, incidents, composer, templates, incidentProperties,
                pageProperties, clock);
        return RouterFunctions.route()
                .GET("/incident-page/assets/page.css", handler::css)
                .GET("/incident-page/{incident}", handler::page)
                .GET("/incident-page/**", handler::notFound)
                .build();
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> incidentPageHeaders() {
        var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
        registration.addUrlPatterns("/incident-page/*");
        return registration;
    }

    /** Both the base URL and the secret are set (bound as Spring binds them, so environment variables count). */
    static final class PageConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("socialbot.incident-page", Bindable.of(IncidentPageProperties.class))
                    .map(IncidentPageProperties::enabled).orElse(false);
        }
    }
}
