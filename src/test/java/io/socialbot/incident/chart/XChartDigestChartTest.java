package io.socialbot.incident.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.incident.Digest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class XChartDigestChartTest {

    @Test
    void thePngDecodesAtTheConfiguredSizeAndShowsTheSentimentColours() throws Exception {
        var hours = List.of(
                new Digest.HourPoint(Instant.parse("2026-03-02T09:00:00Z"), 30, 10, 5),
                new Digest.HourPoint(Instant.parse("2026-03-02T10:00:00Z"), 60, 20, 10),
                new Digest.HourPoint(Instant.parse("2026-03-02T11:00:00Z"), 20, 20, 20));
        byte[] png = new XChartDigestChart(900, 420, ZoneId.of("Europe/Amsterdam")).png("outage", hours);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(420);
        boolean red = false;
        for (int x = 0; x < image.getWidth() && !red; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0xD9534F) {
                    red = true;
                    break;
                }
            }
        }
        assertThat(red).as("negative bars drawn").isTrue();
    }

    @Test
    void anEmptyIncidentStillDraws() throws Exception {
        byte[] png = new XChartDigestChart(400, 200, ZoneId.of("UTC")).png("quiet", List.of());
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(400);
    }
}
