package io.socialbot.incident;

import io.socialbot.casework.ReplyLength;
import io.socialbot.casework.ReplySuggestions;
import io.socialbot.prompt.PromptId;
import io.socialbot.prompt.PromptTemplates;

/**
 * Whether a status update fits every reply it is put into: each suggestion template that carries the update (at the
 * longest handle X allows) and the "tell everyone waiting" reply, measured as X counts them (twitter-text).
 */
public final class UpdateFit {

    /** The tightest reply: how many characters it leaves (negative when over) and which template it is. */
    public record Fit(int left, PromptId tightest, int length) {
        public boolean fits() {
            return left >= 0;
        }
    }

    private final PromptTemplates templates;
    private final ReplyLength length;

    public UpdateFit(PromptTemplates templates, ReplyLength length) {
        this.templates = templates;
        this.length = length;
    }

    public Fit check(String incident, String update) {
        Fit tightest = fit(UpdateBroadcast.REPLY, UpdateBroadcast.reply(templates, incident, update));
        for (PromptId id : ReplySuggestions.WITH_UPDATE) {
            Fit f = fit(id, templates.render(id, ReplySuggestions.values(ReplySuggestions.LONGEST_HANDLE, update)));
            if (f.left() < tightest.left()) {
                tightest = f;
            }
        }
        return tightest;
    }

    private Fit fit(PromptId id, String text) {
        int n = length.length(text);
        return new Fit(length.limit() - n, id, n);
    }
}
