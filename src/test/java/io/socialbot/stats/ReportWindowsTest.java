package io.socialbot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportWindowsTest {

    private static final Instant NOW = Instant.parse("2026-07-18T12:00:00Z");
    private final ReportWindows windows = new ReportWindows(Clock.fixed(NOW, ZoneOffset.UTC),
            ZoneId.of("Europe/London"));

    @Test
    void todayStartsAtMidnightInTheBrandsZone() {
        for (String text : new String[] {"", "  ", "today", "TODAY"}) {
            ReportWindow w = windows.parse(text);
            // London is on BST (UTC+1) in July
            assertThat(w.from()).isEqualTo(Instant.parse("2026-07-17T23:00:00Z"));
            assertThat(w.to()).isAfter(NOW);
            assertThat(w.label()).isEqualTo("today");
        }
        var winter = new ReportWindows(Clock.fixed(Instant.parse("2026-01-10T00:30:00Z"), ZoneOffset.UTC),
                ZoneId.of("Europe/London"));
        assertThat(winter.parse("today").from()).isEqualTo(Instant.parse("2026-01-10T00:00:00Z"));
    }

    @Test
    void relativeWindowsCountBackFromNow() {
        assertThat(windows.parse("7d").from()).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(windows.parse("24h").from()).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(windows.parse("7d").to()).isEqualTo(NOW.plusMillis(1));
    }

    @Test
    void sinceADateStartsThatDayInTheBrandsZone() {
        ReportWindow w = windows.parse("since 2026-07-11");
        assertThat(w.from()).isEqualTo(Instant.parse("2026-07-10T23:00:00Z"));
        assertThat(w.label()).isEqualTo("since 2026-07-11");
    }

    @Test
    void incidentKeepsTheNameAsTyped() {
        ReportWindow w = windows.parse("incident Outage North");
        assertThat(w.isIncident()).isTrue();
        assertThat(w.incident()).isEqualTo("Outage North");
    }

    @Test
    void badWindowsSayWhatIsWrong() {
        assertThatThrownBy(() -> windows.parse("yesterday")).isInstanceOf(BadWindowException.class)
                .hasMessageContaining("`yesterday`").hasMessageContaining("since 2026-07-11");
        assertThatThrownBy(() -> windows.parse("0d")).hasMessageContaining("1-90 days");
        assertThatThrownBy(() -> windows.parse("91d")).hasMessageContaining("1-90 days");
        assertThatThrownBy(() -> windows.parse("721h")).hasMessageContaining("1-720 hours");
        assertThatThrownBy(() -> windows.parse("since 11/07/2026")).hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> windows.parse("since")).hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> windows.parse("since 2026-07-19")).hasMessageContaining("future");
        assertThatThrownBy(() -> windows.parse("since 2026-01-01")).hasMessageContaining("90 days");
        assertThatThrownBy(() -> windows.parse("incident")).hasMessageContaining("name");
        assertThatThrownBy(() -> windows.parse("7 d")).isInstanceOf(BadWindowException.class);
    }
}
