package io.socialbot.incident.slack;

import com.slack.api.methods.MethodsClient;
import io.socialbot.casework.Case;
import io.socialbot.incident.CaseLinks;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links a case to its post with chat.getPermalink (channel and message ts from the case); a case not posted, or a
 * Slack that does not answer, gives no link, so the digest shows the bare key rather than a guessed URL.
 */
final class SlackCaseLinks implements CaseLinks {

    private static final Logger log = LoggerFactory.getLogger(SlackCaseLinks.class);

    private final Function<String, Optional<Case>> cases;
    private final Supplier<MethodsClient> client;

    public SlackCaseLinks(Function<String, Optional<Case>> cases, Supplier<MethodsClient> client) {
        this.cases = cases;
        this.client = client;
    }

    @Override
    public Optional<String> link(String caseKey) {
        Optional<Case> c = cases.apply(caseKey).filter(Case::posted);
        if (c.isEmpty() || c.get().channel() == null) {
            return Optional.empty();
        }
        try {
            var r = client.get().chatGetPermalink(p -> p.channel(c.get().channel()).messageTs(c.get().messageTs()));
            if (r.isOk() && r.getPermalink() != null) {
                return Optional.of(r.getPermalink());
            }
            log.warn("No permalink for case {}: {}", caseKey, r.getError());
        } catch (Exception e) {
            log.warn("No permalink for case {}: {}", caseKey, e.toString());
        }
        return Optional.empty();
    }
}
