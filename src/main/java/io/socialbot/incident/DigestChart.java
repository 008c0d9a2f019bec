package io.socialbot.incident;

import java.util.List;

/** Draws a digest's hourly volume with its sentiment split as a PNG. */
public interface DigestChart {
    byte[] png(String title, List<Digest.HourPoint> hours);
}
