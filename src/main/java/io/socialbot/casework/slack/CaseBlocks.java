package io.socialbot.casework.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialbot.casework.Case;
import io.socialbot.casework.CaseView;
import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionJson;
import io.socialbot.platform.slack.SlackText;
import io.socialbot.triage.TriageDecision;
import java.util.Locale;

/** Renders a case as Block Kit. Every outside string goes through {@link SlackText#escape}: a tweet never pings. */
final class CaseBlocks {

    static final String CLAIM = "case_claim";
    static final String REPLY = "case_reply";
    static final String RESOLVE = "case_resolve";

    private CaseBlocks() {
    }

    /** The notification text (also what screen readers and notifications show). */
    static String fallback(CaseView v) {
        return priority(v.decision()) + " @" + SlackText.escape(v.mention().author().handle()) + ": "
                + SlackText.escape(clip(v.mention().text(), 150));
    }

    static String blocks(CaseView v) {
        Case c = v.c();
        Mention m = v.mention();
        TriageDecision d = v.decision();
        ArrayNode blocks = MentionJson.mapper().createArrayNode();
        StringBuilder head = new StringBuilder()
                .append('*').append(priority(d)).append("* ")
                .append("*").append(SlackText.escape(name(m))).append("* @").append(SlackText.escape(m.author().handle()))
                .append(m.author().verified() ? " :white_check_mark:" : "")
                .append(" · ").append(followers(m.author().followers())).append(" followers");
        section(blocks, head.toString());
        section(blocks, quote(SlackText.escape(m.text())));
        StringBuilder facts = new StringBuilder();
        if (d.sentiment() != null) {
            facts.append("Sentiment: ").append(d.sentiment().label().name().toLowerCase(Locale.ROOT))
                    .append(String.format(Locale.ROOT, " %+.2f", d.sentiment().score()));
        }
        if (d.lang() != null) {
            facts.append(" · Language: ").append(SlackText.escape(d.lang()));
        }
        if (!d.themes().isEmpty()) {
            facts.append(" · Themes: ").append(SlackText.escape(String.join(", ", d.themes())));
        }
        if (c.clusterSize() > 1) {
            // the post shows its first mention; later members are retweets or copies of it
            facts.append(" · Cluster: ").append(c.clusterSize()).append(" posts (retweets and copies)");
        }
        if (m.url() != null && m.url().startsWith("https://")) {
            facts.append(" · <").append(SlackText.escape(m.url()).replace("|", "%7C")).append("|Open original>");
        }
        context(blocks, facts.length() == 0 ? " " : facts.toString());
        if (!d.reasons().isEmpty()) {
            context(blocks, "Why: " + SlackText.escape(String.join("; ", d.reasons())));
        }
        context(blocks, status(c));
        if (c.status() != Case.Status.RESOLVED) {
            ObjectNode actions = blocks.addObject();
            actions.put("type", "actions");
            actions.put("block_id", "case");
            ArrayNode elements = actions.putArray("elements");
            if (c.owner() == null) {
                button(elements, "Claim", CLAIM, c.key(), "primary");
            }
            button(elements, "Reply", REPLY, c.key(), null);
            button(elements, "Resolve", RESOLVE, c.key(), null);
        }
        return blocks.toString();
    }

    static String status(Case c) {
        StringBuilder s = new StringBuilder();
        switch (c.status()) {
            case OPEN -> s.append(":large_orange_circle: Unclaimed");
            case CLAIMED -> s.append(":large_blue_circle: Claimed by <@").append(SlackText.escape(c.owner())).append('>');
            case RESOLVED -> s.append(":white_check_mark: Resolved");
        }
        if (c.replies() > 0) {
            s.append(" · ").append(c.replies()).append(c.replies() == 1 ? " reply sent" : " replies sent");
        }
        s.append(" · case `").append(SlackText.escape(c.key())).append('`');
        return s.toString();
    }

    private static String priority(TriageDecision d) {
        return d.priority() == null ? "P?" : d.priority().name();
    }

    private static String name(Mention m) {
        return m.author().name() == null || m.author().name().isBlank() ? m.author().handle() : m.author().name();
    }

    static String followers(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
        }
        if (n >= 10_000) {
            return (n / 1000) + "k";
        }
        return String.valueOf(n);
    }

    private static String quote(String text) {
        return "> " + text.replace("\n", "\n> ");
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        ObjectNode b = blocks.addObject();
        b.put("type", "section");
        ObjectNode t = b.putObject("text");
        t.put("type", "mrkdwn");
        t.put("text", clip(mrkdwn, 2900));
    }

    private static void context(ArrayNode blocks, String mrkdwn) {
        ObjectNode b = blocks.addObject();
        b.put("type", "context");
        ObjectNode t = b.putArray("elements").addObject();
        t.put("type", "mrkdwn");
        t.put("text", clip(mrkdwn, 2900));
    }

    private static void button(ArrayNode elements, String label, String actionId, String value, String style) {
        ObjectNode b = elements.addObject();
        b.put("type", "button");
        b.put("action_id", actionId);
        b.put("value", value);
        if (style != null) {
            b.put("style", style);
        }
        ObjectNode t = b.putObject("text");
        t.put("type", "plain_text");
        t.put("text", label);
    }
}
