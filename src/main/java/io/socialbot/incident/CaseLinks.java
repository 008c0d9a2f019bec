package io.socialbot.incident;

import java.util.Optional;

/** A link to a case's post in Slack, so a digest reader can open the case it names. */
public interface CaseLinks {

    Optional<String> link(String caseKey);

    /** No links (a digest without Slack). */
    CaseLinks NONE = caseKey -> Optional.empty();
}
