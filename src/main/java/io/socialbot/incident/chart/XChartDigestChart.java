package io.socialbot.incident.chart;

import io.socialbot.incident.DigestChart;
import io.socialbot.incident.DigestFigures;
import io.socialbot.incident.DigestFigures.HourPoint;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Stacked bars per hour (negative, neutral, positive), drawn headless with XChart: the date and zone in the title,
 * hours that are only partly covered marked with {@code *}, the Okabe-Ito palette (readable with colour-blindness:
 * vermillion, grey, blue differ in lightness too) and each part's count on its bar.
 */
public final class XChartDigestChart implements DigestChart {

    /** Okabe & Ito (2008): vermillion, a neutral grey, blue. */
    static final Color NEGATIVE = new Color(0xD55E00);
    static final Color NEUTRAL = new Color(0x999999);
    static final Color POSITIVE = new Color(0x0072B2);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_HOUR = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final int width;
    private final int height;

    public XChartDigestChart(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public byte[] png(DigestFigures figures) {
        ZoneId zone = figures.zone();
        List<HourPoint> hours = figures.hours();
        String title = figures.incident() + ": relevant mentions per hour by sentiment, "
                + DAY.format(figures.from().atZone(zone)) + " (" + zone.getId() + ")";
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("hour starting, " + zone.getId() + (hours.stream().anyMatch(HourPoint::partial)
                        ? "   (* = only part of the hour)" : ""))
                .yAxisTitle("mentions").build();
        var styler = chart.getStyler();
        styler.setStacked(true);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setSeriesColors(new Color[]{NEGATIVE, NEUTRAL, POSITIVE});
        styler.setLabelsVisible(hours.size() <= 24);
        styler.setLabelsFontColorAutomaticEnabled(true);
        styler.setLabelsPosition(0.5);
        if (hours.size() > 12) {
            styler.setXAxisLabelRotation(45);
        }
        if (hours.isEmpty()) {
            hours = List.of(new HourPoint(figures.from(), 0, 0, 0, true));
        }
        List<String> x = labels(hours, zone);
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

    /** {@code 09:00}, with the date where the day changes, and {@code *} on partial hours. */
    static List<String> labels(List<HourPoint> hours, ZoneId zone) {
        List<String> out = new ArrayList<>();
        LocalDate day = null;
        for (HourPoint h : hours) {
            Instant at = h.hour();
            LocalDate d = at.atZone(zone).toLocalDate();
            String label = (day != null && !d.equals(day) ? DAY_HOUR : HOUR).format(at.atZone(zone));
            day = d;
            out.add(h.partial() ? label + "*" : label);
        }
        return out;
    }
}
