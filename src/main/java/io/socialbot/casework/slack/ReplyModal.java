package io.socialbot.casework.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import io.socialbot.casework.CaseView;
import io.socialbot.platform.slack.SlackText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Reply modal, built with the SDK's {@code Views}/{@code Blocks} builders, within Slack's limits for views. */
final class ReplyModal {

    static final String CALLBACK = "case_reply_modal";
    static final String BLOCK = "reply";
    static final String INPUT = "text";
    static final int TITLE = 24;
    static final int MODAL_BLOCKS = 100;
    static final int INPUT_MAX = 3_000;
    static final int PRIVATE_METADATA = 3_000;

    private ReplyModal() {
    }

    /** What the modal says about drafts: nothing, "drafting", the drafts, or a note (model down, none passed). */
    record DraftPanel(boolean drafting, List<String> drafts, String note) {
        static final DraftPanel NONE = new DraftPanel(false, List.of(), null);
        static final DraftPanel DRAFTING = new DraftPanel(true, List.of(), null);
    }

    static View view(String key, Optional<CaseView> view, List<String> suggested) {
        return view(key, view, suggested, DraftPanel.NONE);
    }

    static View view(String key, Optional<CaseView> view, List<String> suggested, DraftPanel panel) {
        boolean safety = view.map(v -> v.decision().isSafetyCase()).orElse(false);
        String draft = view.map(v -> v.c().draft()).orElse(null);
        List<LayoutBlock> blocks = new ArrayList<>();
        view.ifPresent(v -> {
            String who = "@" + SlackText.isolated(v.mention().author().handle(), CaseBlocks.HANDLE) + ": ";
            blocks.add(section(s -> s.text(markdownText(who + SlackText.inert(v.mention().text(),
                    CaseBlocks.SECTION_TEXT - who.length())))));
        });
        if (safety) {
            blocks.add(section(s -> s.text(markdownText(":rotating_light: Safety case: no template. "
                    + "Write to this person yourself, and escalate as your safety process says."))));
        }
        String initial = draft != null ? draft : suggested.isEmpty() ? null : suggested.get(0);
        blocks.add(input(i -> i.blockId(BLOCK)
                .label(plainText("Your reply (280 as X counts)"))
                .element(plainTextInput(e -> e.actionId(INPUT).multiline(true)
                        .maxLength(INPUT_MAX).initialValue(initial == null ? null : SlackText.clip(initial, INPUT_MAX))))));
        if (suggested.size() > 1) {
            // each suggestion clipped before it is escaped, within what is left of the section: no cut entity
            StringBuilder others = new StringBuilder("*Other suggestions*");
            for (String s : suggested.subList(1, suggested.size())) {
                int room = CaseBlocks.SECTION_TEXT - others.length() - 3;
                if (room < 2) {
                    break;
                }
                others.append("\n• ").append(SlackText.escape(s, room));
            }
            String shown = others.toString();
            blocks.add(section(s -> s.text(markdownText(shown))));
        }
        drafts(blocks, panel);
        // same block and action ids in every version: views.update keeps what the agent already typed
        return com.slack.api.model.view.Views.view(v -> v.type("modal").callbackId(CALLBACK)
                .privateMetadata(SlackText.clip(key, PRIVATE_METADATA))
                .title(viewTitle(t -> t.type("plain_text").text(SlackText.clip("Reply on X", TITLE))))
                .submit(viewSubmit(t -> t.type("plain_text").text("Send")))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(blocks.size() <= MODAL_BLOCKS ? blocks : blocks.subList(0, MODAL_BLOCKS)));
    }

    /** Drafts are shown as text to copy, marked as drafts: only what is in the input is ever sent. */
    private static void drafts(List<LayoutBlock> blocks, DraftPanel panel) {
        if (panel.drafting()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(":hourglass_flowing_sand: Drafting replies with "
                    + "the language model; they appear here in a moment. Nothing is sent until you press Send.")))));
        }
        if (!panel.drafts().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("*Drafts from the language model* (drafts, not sent: copy one "
                    + "into your reply, check every word, then Send)"))));
            int n = 1;
            for (String d : panel.drafts()) {
                String head = "*Draft " + n++ + "*\n";
                String shown = head + SlackText.inert(d, CaseBlocks.SECTION_TEXT - head.length());
                blocks.add(section(s -> s.text(markdownText(shown))));
            }
        }
        if (panel.note() != null) {
            String note = SlackText.clip(":information_source: " + SlackText.escape(panel.note()), CaseBlocks.SECTION_TEXT);
            blocks.add(context(c -> c.elements(List.of(markdownText(note)))));
        }
    }
}
