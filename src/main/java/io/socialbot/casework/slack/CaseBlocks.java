package io.socialbot.casework.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import io.socialbot.casework.Case;
import io.socialbot.casework.CaseView;
import io.socialbot.mention.Mention;
import io.socialbot.platform.slack.SlackText;
import io.socialbot.triage.SentimentLabel;
import io.socialbot.triage.TriageDecision;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a case as Block Kit with the SDK's builders, within Slack's documented limits. Customer strings go through
 * {@link SlackText#inert}: a post never pings, never shows markup or a fake mark, and a name cannot reorder the line.
 */
final class CaseBlocks {

    static final String CLAIM = "case_claim";
    static final String REPLY = "case_reply";
    static final String RESOLVE = "case_resolve";
    /** The menu that labels the post's sentiment; each option's value is {@code <label>:<case key>}. */
    static final String SENTIMENT = "case_sentiment";

    /** The metadata event that marks the bot's case posts, so an earlier post can be found in the history. */
    static final String EVENT_TYPE = "socialbot_case";

    /** Slack's documented limits (Block Kit reference): Slack answers invalid_blocks beyond them. */
    static final int SECTION_TEXT = 3_000;
    static final int CONTEXT_TEXT = 3_000;
    static final int BUTTON_TEXT = 75;
    static final int BUTTON_VALUE = 2_000;
    static final int OPTION_VALUE = 150;
    static final int MESSAGE_BLOCKS = 50;
    static final int NAME = 100;
    static final int HANDLE = 60;
    static final int FALLBACK = 300;

    private CaseBlocks() {
    }

    /** The notification text (also what screen readers and notifications show). */
    static String fallback(CaseView v) {
        return priority(v.decision()) + " @" + SlackText.inert(v.mention().author().handle(), HANDLE) + ": "
                + SlackText.inert(v.mention().text(), FALLBACK);
    }

    static Message.Metadata metadata(Case c) {
        return new Message.Metadata(EVENT_TYPE, Map.of("case", c.key()));
    }

    static List<LayoutBlock> blocks(CaseView v) {
        Case c = v.c();
        Mention m = v.mention();
        TriageDecision d = v.decision();
        List<LayoutBlock> blocks = new ArrayList<>();
        // the bot's own words and marks stay outside the isolated customer strings
        String head = "*" + priority(d) + "* · " + SlackText.isolated(name(m), NAME) + " @"
                + SlackText.isolated(m.author().handle(), HANDLE) + " · " + followers(m.author().followers())
                + " followers" + verified(m.author());
        blocks.add(section(s -> s.text(markdownText(SlackText.clip(head, SECTION_TEXT)))));
        blocks.add(section(s -> s.text(markdownText(SlackText.quote(m.text(), SECTION_TEXT)))));
        blocks.add(context(List.of(markdownText(SlackText.clip(facts(c, m, d), CONTEXT_TEXT)))));
        if (!d.reasons().isEmpty()) {
            String why = "Why: " + SlackText.inert(String.join("; ", d.reasons()), CONTEXT_TEXT - 5);
            blocks.add(context(List.of(markdownText(why))));
        }
        blocks.add(context(List.of(markdownText(status(c)))));
        if (c.status() != Case.Status.RESOLVED) {
            List<BlockElement> buttons = new ArrayList<>();
            String value = SlackText.clip(c.key(), BUTTON_VALUE);
            if (c.owner() == null) {
                buttons.add(button(b -> b.actionId(CLAIM).value(value).style("primary").text(plainText("Claim"))));
            }
            buttons.add(button(b -> b.actionId(REPLY).value(value).text(plainText("Reply"))));
            buttons.add(button(b -> b.actionId(RESOLVE).value(value).text(plainText("Resolve"))));
            sentimentMenu(c, d).ifPresent(buttons::add);
            blocks.add(actions(a -> a.blockId("case").elements(buttons)));
        }
        return blocks.size() <= MESSAGE_BLOCKS ? blocks : blocks.subList(0, MESSAGE_BLOCKS);
    }

    /**
     * The menu an agent labels the post's sentiment with, triage's own label marked; none for a case key too long
     * for an option's value (Slack's limit is 150 characters; X's keys are about 20).
     */
    private static Optional<BlockElement> sentimentMenu(Case c, TriageDecision d) {
        if ("positive:".length() + c.key().length() > OPTION_VALUE) {
            return Optional.empty();
        }
        Label shown = d.sentiment() == null ? null : d.sentiment().label();
        List<OptionObject> options = new ArrayList<>();
        OptionObject chosen = null;
        for (Label label : Label.values()) {
            String name = SentimentLabel.name(label);
            String text = Character.toUpperCase(name.charAt(0)) + name.substring(1) + (label == shown ? " (as triaged)" : "");
            options.add(option(plainText(text), name + ":" + c.key()));
            if (label == c.label()) {
                chosen = options.get(options.size() - 1);
            }
        }
        // Slack redraws the menu on every update: the label a person gave stays selected for everyone
        OptionObject initial = chosen;
        return Optional.of(staticSelect(s -> s.actionId(SENTIMENT).placeholder(plainText("Label sentiment"))
                .options(options).initialOption(initial)));
    }

    /** The label and case key of a sentiment menu's chosen value, or empty when it is not one. */
    static Optional<Map.Entry<Label, String>> sentimentChoice(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 1 || colon == value.length() - 1) {
            return Optional.empty();
        }
        for (Label label : Label.values()) {
            if (SentimentLabel.name(label).equals(value.substring(0, colon))) {
                return Optional.of(Map.entry(label, value.substring(colon + 1)));
            }
        }
        return Optional.empty();
    }

    private static String facts(Case c, Mention m, TriageDecision d) {
        StringBuilder facts = new StringBuilder();
        if (d.sentiment() != null) {
            facts.append("Sentiment: ").append(d.sentiment().label().name().toLowerCase(Locale.ROOT))
                    .append(String.format(Locale.ROOT, " %+.2f", d.sentiment().score()));
        }
        if (c.label() != null && c.labelledBy() != null) {
            facts.append(" (<@").append(SlackText.escape(c.labelledBy(), 40)).append("> labelled it ")
                    .append(SentimentLabel.name(c.label())).append(')');
        }
        if (d.lang() != null) {
            facts.append(" · Language: ").append(SlackText.inert(d.lang(), 20));
        }
        if (!d.themes().isEmpty()) {
            facts.append(" · Themes: ").append(SlackText.inert(String.join(", ", d.themes()), 500));
        }
        if (c.clusterSize() > 1) {
            // the post shows its first mention; later members are retweets or copies of it
            facts.append(" · Cluster: ").append(c.clusterSize()).append(" posts (retweets and copies)");
        }
        if (m.url() != null && m.url().startsWith("https://") && m.url().length() <= 1_000) {
            facts.append(" · <").append(SlackText.escape(m.url()).replace("|", "%7C")).append("|Open original>");
        }
        return facts.length() == 0 ? " " : facts.toString();
    }

    /** The bot's own words for X's verification, never an emoji a display name could copy. */
    private static String verified(Mention.Author a) {
        if (!a.verified()) {
            return "";
        }
        return a.officiallyVerified() ? " · verified by X" + (a.verifiedType() == null ? "" : " (" + a.verifiedType()
                .replaceAll("[^a-z]", "") + ")") : " · paid X tick";
    }

    static String status(Case c) {
        StringBuilder s = new StringBuilder();
        switch (c.status()) {
            case OPEN -> s.append(":large_orange_circle: Unclaimed");
            case CLAIMED -> s.append(":large_blue_circle: Claimed by <@").append(SlackText.escape(c.owner(), 40))
                    .append('>');
            case RESOLVED -> s.append(":white_check_mark: Resolved");
        }
        if (c.replies() > 0) {
            s.append(" · ").append(c.replies()).append(c.replies() == 1 ? " reply sent" : " replies sent");
        }
        s.append(" · case `").append(SlackText.escape(c.key(), 300)).append('`');
        if (c.note() != null && !c.note().isBlank()) {
            s.append(" · Note: ").append(SlackText.inert(c.note(), CONTEXT_TEXT - s.length() - 10));
        }
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
}
