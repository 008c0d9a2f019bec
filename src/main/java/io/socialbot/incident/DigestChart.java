package io.socialbot.incident;

/** Draws a digest's hourly volume with its sentiment split as a PNG: dated, in the brand's zone, partial hours marked. */
public interface DigestChart {
    byte[] png(DigestFigures figures);
}
