package io.socialbot.casework.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Work done after Slack's 3 s ack, answered privately to whoever asked; a failure is told, never a 500. */
final class AfterAck {

    private static final Logger log = LoggerFactory.getLogger(AfterAck.class);

    /** A consumer that may throw, as Bolt's respond does. */
    interface Respond {
        void accept(String text) throws Exception;
    }

    private final ExecutorService executor;

    AfterAck(ExecutorService executor) {
        this.executor = executor;
    }

    /** Runs {@code job} after the ack and sends its answer through {@code respond}. */
    void answer(Respond respond, Supplier<String> job) {
        executor.submit(() -> {
            String answer;
            try {
                answer = job.get();
            } catch (RuntimeException e) {
                log.error("Casework command failed: {}", e.toString());
                answer = "Sorry, that failed on our side (" + e.getClass().getSimpleName() + "). Try again in a moment.";
            }
            try {
                respond.accept(answer);
            } catch (Exception e) {
                log.warn("Could not answer in Slack: {}", e.getClass().getSimpleName());
            }
        });
    }

    /** {@link #answer} for a button: an ephemeral reply that leaves the case post as it is. */
    void answer(ActionContext ctx, Supplier<String> job) {
        answer(text -> ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text)), job);
    }

    /** Runs {@code job} after the ack, when it answers by itself. */
    void run(Runnable job) {
        executor.submit(job);
    }
}
