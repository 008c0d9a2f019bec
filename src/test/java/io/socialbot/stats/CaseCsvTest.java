package io.socialbot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialbot.triage.TriageDecision.Priority;
import java.time.Duration;
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
    void roundTripsTheBroadcastAndTheResolveNote() {
        Instant t = Instant.parse("2026-07-15T09:00:00Z");
        List<CaseTimeline> cases = List.of(new CaseTimeline("x:3", Priority.P2, "outage", "C1", "U1", t, null, null,
                null, t.plusSeconds(600), t.plusSeconds(120), "refunded, \"see\" DM"));
        assertThat(CaseCsv.read(CaseCsv.write(cases))).isEqualTo(cases);
    }

    @Test
    void roundTripsTheApprovalWaitInTheLastColumn() {
        Instant t = Instant.parse("2026-07-15T09:00:00Z");
        List<CaseTimeline> cases = List.of(new CaseTimeline("x:4", Priority.P1, "outage", "C1", "U1", t, null,
                        t.plusSeconds(60), t.plusSeconds(400), null, null, null, Duration.ofSeconds(252)),
                new CaseTimeline("x:5", Priority.P3, null, null, null, t, null, null, null, null));
        String csv = CaseCsv.write(cases);
        assertThat(CaseCsv.HEADER).endsWith(",note,approval_wait");
        assertThat(csv).contains("\r\nx:4,P1,outage,C1,U1,2026-07-15T09:00:00Z,,2026-07-15T09:01:00Z,"
                + "2026-07-15T09:06:40Z,,,,PT4M12S\r\n");
        assertThat(CaseCsv.read(csv)).isEqualTo(cases);
        assertThat(CaseCsv.read(csv).get(0).approvalWaitTime()).contains(Duration.ofSeconds(252));
    }

    @Test
    void readsOlderExportsWithoutTheBroadcastOrTheNote() {
        String ten = "case_key,priority,incident,channel,agent,received,posted,claimed,first_reply,resolved\r\n"
                + "x:1,P1,,,,2026-07-15T09:00:00Z,,,,\r\n";
        assertThat(CaseCsv.read(ten)).containsExactly(new CaseTimeline("x:1", Priority.P1, null, null, null,
                Instant.parse("2026-07-15T09:00:00Z"), null, null, null, null));
        String eleven = "case_key,priority,incident,channel,agent,received,posted,claimed,first_reply,resolved,"
                + "first_broadcast\r\nx:1,P1,,,,2026-07-15T09:00:00Z,,,,,2026-07-15T09:05:00Z\r\n";
        assertThat(CaseCsv.read(eleven).get(0).broadcast()).isEqualTo(Instant.parse("2026-07-15T09:05:00Z"));
        assertThat(CaseCsv.read(eleven).get(0).note()).isNull();
        String twelve = "case_key,priority,incident,channel,agent,received,posted,claimed,first_reply,resolved,"
                + "first_broadcast,note\r\nx:1,P1,,,,2026-07-15T09:00:00Z,,,,,,\"sorted, by DM\"\r\n";
        assertThat(CaseCsv.read(twelve).get(0).note()).isEqualTo("sorted, by DM");
        assertThat(CaseCsv.read(twelve).get(0).approvalWaitTime()).isEmpty();
        // a header that is no version's (the note without the broadcast column) is refused, not misread
        assertThatThrownBy(() -> CaseCsv.read(
                "case_key,priority,incident,channel,agent,received,posted,claimed,first_reply,resolved,note\r\n"))
                .hasMessageContaining("first line");
        assertThatThrownBy(() -> CaseCsv.read("case_key,priority\r\nx:1,P1\r\n")).hasMessageContaining("first line");
    }

    @Test
    void refusesSomethingElse() {
        assertThatThrownBy(() -> CaseCsv.read("a,b\n1,2\n")).hasMessageContaining("first line");
    }
}
