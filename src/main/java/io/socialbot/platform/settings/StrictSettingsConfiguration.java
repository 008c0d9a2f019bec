package io.socialbot.platform.settings;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every {@code socialbot.*} settings record refuses names it does not know, so a misspelled setting fails the start
 * naming it. A prefix nested in another ({@code socialbot.triage.worker} in {@code socialbot.triage}) is left to
 * its own record.
 */
@Configuration(proxyBeanMethods = false)
class StrictSettingsConfiguration {

    static final String ROOT = "socialbot";

    @Bean
    static ConfigurationPropertiesBindHandlerAdvisor strictSocialbotSettings() {
        List<ConfigurationPropertyName> prefixes = settingsPrefixes();
        return handler -> new StrictHandler(handler, prefixes);
    }

    /** Records what one settings record bound and, at its end, refuses what it left unbound under its prefix. */
    static final class StrictHandler extends AbstractBindHandler {
        private final List<ConfigurationPropertyName> prefixes;
        private final Set<ConfigurationPropertyName> bound = new HashSet<>();

        StrictHandler(BindHandler parent, List<ConfigurationPropertyName> prefixes) {
            super(parent);
            this.prefixes = prefixes;
        }

        @Override
        public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
            bound.add(name);
            return super.onSuccess(name, target, context, result);
        }

        @Override
        public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result)
                throws Exception {
            if (context.getDepth() == 0) {
                Set<ConfigurationProperty> unknown = new TreeSet<>();
                for (ConfigurationPropertySource source : context.getSources()) {
                    if (source instanceof IterableConfigurationPropertySource names) {
                        names.stream().filter(candidate -> isUnknown(name, candidate))
                                .map(source::getConfigurationProperty).filter(Objects::nonNull).forEach(unknown::add);
                    }
                }
                if (!unknown.isEmpty()) {
                    throw new UnboundConfigurationPropertiesException(unknown);
                }
            }
            super.onFinish(name, target, context, result);
        }

        private boolean isUnknown(ConfigurationPropertyName root, ConfigurationPropertyName candidate) {
            if (!root.isAncestorOf(candidate) || bound.contains(candidate) || !isChecked(root, candidate, prefixes)) {
                return false;
            }
            for (int i = 1; i < candidate.getNumberOfElements(); i++) {
                if (candidate.isNumericIndex(i) && bound.contains(candidate.chop(i))) {
                    return false; // a list element overridden as a whole by a higher source (an env variable)
                }
            }
            return true;
        }
    }

    /** Whether {@code candidate} must be bound by the record bound at {@code root}. */
    static boolean isChecked(ConfigurationPropertyName root, ConfigurationPropertyName candidate,
                             List<ConfigurationPropertyName> prefixes) {
        if (root == null || !ConfigurationPropertyName.of(ROOT).isAncestorOf(root)) {
            return false; // Spring's own settings keep Spring's rules
        }
        for (ConfigurationPropertyName nested : prefixes) {
            if (root.isAncestorOf(nested) && (nested.equals(candidate) || nested.isAncestorOf(candidate))) {
                return false;
            }
        }
        return true;
    }

    /** The prefixes of every {@code @ConfigurationProperties} type of the bot. */
    static List<ConfigurationPropertyName> settingsPrefixes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        return scanner.findCandidateComponents("io.socialbot").stream()
                .map(d -> ((org.springframework.beans.factory.annotation.AnnotatedBeanDefinition) d).getMetadata()
                        .getAnnotationAttributes(ConfigurationProperties.class.getName()))
                .filter(Objects::nonNull)
                .map(StrictSettingsConfiguration::prefix)
                .filter(p -> !p.isEmpty())
                .map(ConfigurationPropertyName::of)
                .toList();
    }

    private static String prefix(Map<String, Object> attributes) {
        String prefix = (String) attributes.get("prefix");
        return prefix == null || prefix.isEmpty() ? (String) attributes.get("value") : prefix;
    }
}
