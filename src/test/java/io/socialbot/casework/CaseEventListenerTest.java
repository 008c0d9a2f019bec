package io.socialbot.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseEventListenerTest {

    @Test
    void aFailingListenerDoesNotKeepTheStepFromTheOthers() {
        List<CaseEvent> told = new ArrayList<>();
        CaseEvent claimed = new CaseEvent.Claimed("x:1", "U1", Instant.parse("2026-03-02T08:15:00Z"));
        CaseEventListener.tellAll(List.of(e -> {
            throw new IllegalStateException("stats store down");
        }, told::add), claimed);
        assertThat(told).containsExactly(claimed);
    }
}
