package io.socialbot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialbot.triage.TriageDecision.Priority;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseCsvTest {

    @Test
    void quotesAwkwardTextAndReadsItBack() {
        Instant t = Instant.parse("2026-07-15T09:00:00.123Z");
        List<CaseTimeline> cases = List.of(
                new CaseTimeline("x:1", Priority.P1, "storm, \"north\"\nday 2", "C1", "U1", t, t.plusSeconds(1),
                        t.plusSeconds(2), t.plusSeconds(3), t.plusSeconds(4)),
                new CaseTimeline("x:2", Priority.P4, null, null, null, t, null, null, null, null));
        String csv = CaseCsv.write(cases);
        assertThat(csv).startsWith(CaseCsv.HEADER + "\r\n").contains("\"storm, \"\"north\"\"\nday 2\"");
        assertThat(CaseCsv.read(csv)).isEqualTo(cases);
    }

    @Test
    void refusesSomethingElse() {
        assertThatThrownBy(() -> CaseCsv.read("a,b\n1,2\n")).hasMessageContaining("first line");
    }
}
