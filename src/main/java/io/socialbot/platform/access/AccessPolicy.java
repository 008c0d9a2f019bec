package io.socialbot.platform.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who holds which role, by Slack user id. A lead can do what an agent can; a manager can read reports but needs
 * the agent role to work cases. With {@code openToAll} (the laptop default) everyone is an agent.
 */
public record AccessPolicy(Set<String> agents, Set<String> leads, Set<String> managers, boolean openToAll) {

    public AccessPolicy {
        agents = Set.copyOf(agents);
        leads = Set.copyOf(leads);
        managers = Set.copyOf(managers);
    }

    public Set<Role> rolesOf(String userId) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (userId == null || userId.isBlank()) {
            return roles; // immutable sets throw on contains(null); an unsigned-in user has no role anyway
        }
        if (openToAll || agents.contains(userId) || leads.contains(userId)) {
            roles.add(Role.AGENT);
        }
        if (leads.contains(userId)) {
            roles.add(Role.LEAD);
        }
        if (managers.contains(userId)) {
            roles.add(Role.MANAGER);
        }
        return roles;
    }

    public boolean has(String userId, Role role) {
        return rolesOf(userId).contains(role);
    }

    /** A refusal an agent can read: what role is needed and who grants it. */
    public static String refusal(Role needed) {
        return "Sorry, that needs the " + needed.name().toLowerCase()
                + " role. Ask an admin to add your Slack user id under socialbot.access." + switch (needed) {
                    case AGENT -> "agents";
                    case LEAD -> "leads";
                    case MANAGER -> "managers";
                } + ".";
    }
}
