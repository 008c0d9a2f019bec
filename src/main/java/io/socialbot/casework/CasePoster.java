package io.socialbot.casework;

import java.util.Optional;

/** Shows cases to people: posts a case and updates its post in place as it moves (Slack, or the console). */
public interface CasePoster {

    /** Posts the case to its channel; the message id ({@code ts}), or empty when it could not be posted now. */
    Optional<String> post(CaseView view);

    /** Updates the existing post; false when it could not be updated now. */
    boolean update(CaseView view);
}
