package io.socialbot.platform.access;

/** What a Slack user may do: agents work cases, leads run incidents, managers read per-agent reports. */
public enum Role { AGENT, LEAD, MANAGER }
