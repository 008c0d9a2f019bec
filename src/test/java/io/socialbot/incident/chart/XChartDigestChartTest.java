package io.socialbot.incident.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.incident.DigestFigures;
import io.socialbot.incident.DigestFigures.HourPoint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class XChartDigestChartTest {

    static DigestFigures figures(ZoneId zone, Instant from, Instant to, List<HourPoint> hours) {
        return new DigestFigures("outage", zone, from, to, null, null, null, null, null, Duration.between(from, to),
                Map.of(), DigestFigures.Trend.FIRST, 10, hours, List.of(), List.of(), List.of(), List.of(), null, null,
                DigestFigures.Checked.NONE);
    }

    @Test
    void thePngIsDatedInTheZoneUsesTheOkabeItoColoursAndMarksPartialHours() throws Exception {
        var hours = List.of(
                new HourPoint(Instant.parse("2026-03-02T09:00:00Z"), 30, 10, 5, true),
                new HourPoint(Instant.parse("2026-03-02T10:00:00Z"), 60, 20, 10, false),
                new HourPoint(Instant.parse("2026-03-02T11:00:00Z"), 20, 20, 20, true));
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        byte[] png = new XChartDigestChart(900, 420).png(figures(zone, Instant.parse("2026-03-02T09:20:00Z"),
                Instant.parse("2026-03-02T11:40:00Z"), hours));
        Files.write(Path.of("target", "digest-chart-sample.png"), png);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(420);
        Set<Integer> colours = new HashSet<>();
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        // Okabe & Ito's vermillion and blue, not the red/green pair colour-blind readers cannot tell apart
        assertThat(colours).contains(0xD55E00, 0x0072B2, 0x999999).doesNotContain(0xD9534F, 0x5CB85C);
        // hours in Amsterdam (UTC+1 in March), the partial first and last hours starred
        assertThat(XChartDigestChart.labels(hours, zone)).containsExactly("10:00*", "11:00", "12:00*");
    }

    @Test
    void theDateAppearsWhereTheDayChanges() {
        var hours = List.of(new HourPoint(Instant.parse("2026-03-02T23:00:00Z"), 1, 0, 0, false),
                new HourPoint(Instant.parse("2026-03-03T00:00:00Z"), 1, 0, 0, false));
        assertThat(XChartDigestChart.labels(hours, ZoneId.of("UTC"))).containsExactly("23:00", "3 Mar 00:00");
    }

    @Test
    void anEmptyIncidentStillDraws() throws Exception {
        Instant at = Instant.parse("2026-03-02T09:00:00Z");
        byte[] png = new XChartDigestChart(400, 200).png(figures(ZoneId.of("UTC"), at, at.plusSeconds(60), List.of()));
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(400);
    }
}
