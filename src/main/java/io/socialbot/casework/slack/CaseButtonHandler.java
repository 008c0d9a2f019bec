package io.socialbot.casework.slack;

import com.slack.api.bolt.App;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.access.Role;

/** The Claim and Resolve buttons on a case post: ack, then claim or resolve and answer the clicker privately. */
final class CaseButtonHandler {

    private final CaseAnswers answers;
    private final AccessPolicy access;
    private final AfterAck later;

    CaseButtonHandler(CaseAnswers answers, AccessPolicy access, AfterAck later) {
        this.answers = answers;
        this.access = access;
        this.later = later;
    }

    void register(App app) {
        app.blockAction(CaseBlocks.CLAIM, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            String key = req.getPayload().getActions().get(0).getValue();
            later.answer(ctx, () -> access.has(user, Role.AGENT) ? answers.claim(key, user)
                    : AccessPolicy.refusal(Role.AGENT));
            return ctx.ack();
        });
        app.blockAction(CaseBlocks.RESOLVE, (req, ctx) -> {
            String user = req.getPayload().getUser().getId();
            String key = req.getPayload().getActions().get(0).getValue();
            later.answer(ctx, () -> access.has(user, Role.AGENT) ? answers.resolve(key, user, "")
                    : AccessPolicy.refusal(Role.AGENT));
            return ctx.ack();
        });
    }
}
