package io.socialbot.casework.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;
import io.socialbot.casework.CaseView;
import io.socialbot.casework.CurrentIncident;
import io.socialbot.casework.ReplyDrafts;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds drafts to a Reply modal that is already open: the model is asked off Slack's request thread, and the
 * answer goes in with {@code views.update} under the hash {@code views.open} returned, so a modal the agent has
 * moved on from is left alone. Whatever the model does, the modal keeps its templates and its Send button.
 */
final class DraftModalUpdater {

    private static final Logger log = LoggerFactory.getLogger(DraftModalUpdater.class);

    private final ReplyDrafts drafts;
    private final CurrentIncident incident;
    private final ExecutorService executor;

    DraftModalUpdater(ReplyDrafts drafts, CurrentIncident incident, ExecutorService executor) {
        this.drafts = drafts;
        this.incident = incident;
        this.executor = executor;
    }

    /** What the modal shows while it opens: "drafting" when a draft will be asked for. */
    ReplyModal.DraftPanel opening(Optional<CaseView> view) {
        return view.isPresent() && drafts.offeredFor(view.get()) ? ReplyModal.DraftPanel.DRAFTING
                : ReplyModal.DraftPanel.NONE;
    }

    /** Asks for drafts after the modal opened, then updates it (never on the thread that acks Slack). */
    void fill(MethodsClient client, View opened, String key, Optional<CaseView> view, List<String> suggested,
              String agent) {
        if (opened == null || view.isEmpty() || !drafts.offeredFor(view.get())) {
            return;
        }
        executor.submit(() -> {
            ReplyModal.DraftPanel panel;
            try {
                panel = panel(drafts.draft(view.get(), incident.latestUpdateText(), agent));
            } catch (RuntimeException e) {
                log.warn("Drafting for case {} failed: {}", key, e.toString());
                panel = new ReplyModal.DraftPanel(false, List.of(), "No drafts this time (" + e.getClass().getSimpleName()
                        + "). The templates are here as usual.");
            }
            ReplyModal.DraftPanel shown = panel;
            try {
                var updated = client.viewsUpdate(r -> r.viewId(opened.getId()).hash(opened.getHash())
                        .view(ReplyModal.view(key, view, suggested, shown)));
                if (!updated.isOk()) {
                    // not_found: the agent sent or closed it; hash_conflict: it changed since. Either way, leave it.
                    log.info("Drafts for case {} not added to the modal: {}", key, updated.getError());
                }
            } catch (Exception e) {
                log.warn("Drafts for case {} not added to the modal: {}", key, e.getClass().getSimpleName());
            }
        });
    }

    /** Stops drafting with the bot: a draft still being asked for is dropped, the modal keeps its templates. */
    void shutdownNow() {
        executor.shutdownNow();
    }

    static ReplyModal.DraftPanel panel(ReplyDrafts.DraftOutcome outcome) {
        if (outcome instanceof ReplyDrafts.Drafted drafted) {
            return new ReplyModal.DraftPanel(false, drafted.drafts(), null);
        }
        return new ReplyModal.DraftPanel(false, List.of(), ((ReplyDrafts.NoDrafts) outcome).agentMessage());
    }
}
