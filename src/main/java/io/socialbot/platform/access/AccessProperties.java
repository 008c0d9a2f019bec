package io.socialbot.platform.access;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Slack user ids per role; {@code open-to-all} lets everyone act as an agent (off in production manifests). */
@ConfigurationProperties("socialbot.access")
public record AccessProperties(
        @DefaultValue Set<String> agents,
        @DefaultValue Set<String> leads,
        @DefaultValue Set<String> managers,
        @DefaultValue("false") boolean openToAll) {

    public AccessPolicy policy() {
        return new AccessPolicy(agents, leads, managers, openToAll);
    }
}
