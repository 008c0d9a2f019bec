package io.socialbot.casework.slack;

import com.slack.api.bolt.App;
import io.socialbot.platform.access.AccessPolicy;
import io.socialbot.platform.access.Role;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /claim /release /resolve /reply /mine /queue}: quick ones answered in the ack (a Redis round trip or two),
 * {@code /reply} after it (X may take longer than Slack's 3 s); a failure is a clear private answer, never a 500.
 */
final class CaseCommandHandler {

    static final List<String> COMMANDS = List.of("/claim", "/release", "/resolve", "/reply", "/mine", "/queue");

    private static final Logger log = LoggerFactory.getLogger(CaseCommandHandler.class);

    private final CaseAnswers answers;
    private final AccessPolicy access;
    private final AfterAck later;

    CaseCommandHandler(CaseAnswers answers, AccessPolicy access, AfterAck later) {
        this.answers = answers;
        this.access = access;
        this.later = later;
    }

    void register(App app) {
        for (String command : COMMANDS) {
            app.command(command, (req, ctx) -> {
                String user = req.getPayload().getUserId();
                String text = req.getPayload().getText() == null ? "" : req.getPayload().getText().trim();
                if (!access.has(user, Role.AGENT)) {
                    return ctx.ack(AccessPolicy.refusal(Role.AGENT));
                }
                if (command.equals("/reply")) {
                    later.answer(ctx::respond, () -> answers.command(command, text, user));
                    return ctx.ack();
                }
                String answer;
                try {
                    answer = answers.command(command, text, user);
                } catch (RuntimeException e) {
                    log.error("Casework command {} failed: {}", command, e.toString());
                    answer = CaseAnswers.FAILED.formatted(e.getClass().getSimpleName());
                }
                String shown = answer;
                return ctx.ack(r -> r.responseType("ephemeral").text(shown));
            });
        }
    }
}
