package io.socialbot.casework;

import io.socialbot.triage.TriageDecision.Priority;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which replies wait for a lead ({@code socialbot.approval}, off by default): those written by a {@code trainees}
 * Slack user id, on a case of one of {@code priorities} or with one of {@code themes}, or every reply while an
 * incident runs ({@code during-incident}). Requests go to {@code channel}; leads are {@code socialbot.access.leads}.
 */
@ConfigurationProperties("socialbot.approval")
public record ApprovalProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("") String channel,
        @DefaultValue Set<String> trainees,
        @DefaultValue Set<Priority> priorities,
        @DefaultValue Set<String> themes,
        @DefaultValue("false") boolean duringIncident) {

    public ApprovalProperties {
        if (enabled && channel.isBlank()) {
            throw new IllegalArgumentException("socialbot.approval.channel is required when approvals are enabled "
                    + "(the Slack channel where leads approve replies, e.g. #care-approvals)");
        }
        trainees = Set.copyOf(trainees);
        priorities = Set.copyOf(priorities);
        themes = Set.copyOf(themes);
    }
}
