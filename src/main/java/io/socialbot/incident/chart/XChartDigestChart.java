package io.socialbot.incident.chart;

import io.socialbot.incident.Digest;
import io.socialbot.incident.DigestChart;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Stacked bars per hour (negative, neutral, positive), drawn headless with XChart. */
public final class XChartDigestChart implements DigestChart {

    private final int width;
    private final int height;
    private final ZoneId zone;

    public XChartDigestChart(int width, int height, ZoneId zone) {
        this.width = width;
        this.height = height;
        this.zone = zone;
    }

    @Override
    public byte[] png(String title, List<Digest.HourPoint> hours) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("hour").yAxisTitle("mentions").build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setSeriesColors(new Color[]{new Color(0xD9534F), new Color(0xA0A0A0), new Color(0x5CB85C)});
        DateTimeFormatter f = DateTimeFormatter.ofPattern("HH:mm");
        List<String> x = hours.stream().map(h -> f.format(h.hour().atZone(zone))).toList();
        if (x.isEmpty()) {
            x = List.of("-");
            hours = List.of(new Digest.HourPoint(java.time.Instant.EPOCH, 0, 0, 0));
        }
        chart.addSeries("negative", x, hours.stream().map(h -> (Number) h.negative()).toList());
        chart.addSeries("neutral", x, hours.stream().map(h -> (Number) h.neutral()).toList());
        chart.addSeries("positive", x, hours.stream().map(h -> (Number) h.positive()).toList());
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
