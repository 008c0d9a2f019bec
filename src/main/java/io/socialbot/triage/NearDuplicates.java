package io.socialbot.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * MinHash over word pairs with LSH bands: texts that share most word pairs (the same complaint or article with
 * other links, handles, case or punctuation) land in a common band bucket, and the signature lets the cluster
 * index confirm the match before joining.
 */
final class NearDuplicates {

    static final int HASHES = 24;
    static final int BANDS = 6;
    private static final int ROWS = HASHES / BANDS;
    private static final long[] SEEDS = new long[HASHES];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            x = mix(x + 0x632BE59BD9B4E5DL * (i + 1));
            SEEDS[i] = x;
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final int minWords;

    NearDuplicates(int minWords) {
        this.minWords = Math.max(1, minWords);
    }

    /** A text's content fingerprint: band keys to look up and a signature to compare, or none for empty text. */
    record Fingerprint(List<String> bands, String signature) {
        static final Fingerprint NONE = new Fingerprint(List.of(), "");
    }

    Fingerprint fingerprint(List<String> words) {
        if (words.isEmpty()) {
            return Fingerprint.NONE;
        }
        if (words.size() < minWords) {
            // short texts ("@BrandTel down??") share pairs by chance: group them only when identical
            long h = 1125899906842597L;
            for (String w : words) {
                h = h * 31 + w.hashCode() * 0x9E3779B97F4A7C15L;
            }
            return new Fingerprint(List.of("x" + Long.toHexString(mix(h))), "");
        }
        int[] min = new int[HASHES];
        java.util.Arrays.fill(min, Integer.MAX_VALUE);
        for (int i = 0; i + 1 < words.size(); i++) {
            long shingle = mix(words.get(i).hashCode() * 0xC2B2AE3D27D4EB4FL + words.get(i + 1).hashCode());
            for (int k = 0; k < HASHES; k++) {
                int v = (int) (mix(shingle ^ SEEDS[k]) >>> 33);
                if (v < min[k]) {
                    min[k] = v;
                }
            }
        }
        List<String> bands = new ArrayList<>(BANDS);
        StringBuilder signature = new StringBuilder(HASHES * 8);
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 31 + min[b * ROWS + r]);
            }
            bands.add("b" + b + ":" + Long.toHexString(h));
        }
        for (int v : min) {
            for (int shift = 28; shift >= 0; shift -= 4) { // 8 hex digits, zero-padded, no string per value
                signature.append(HEX[(v >>> shift) & 0xF]);
            }
        }
        return new Fingerprint(bands, signature.toString());
    }

    /** How many of the signatures' positions agree (each of {@link #HASHES} is one 8-hex-digit slot). */
    static int agreement(String a, String b) {
        if (a.length() != b.length() || a.isEmpty()) {
            return a.equals(b) ? HASHES : 0;
        }
        int same = 0;
        for (int k = 0; k < HASHES; k++) {
            if (a.regionMatches(k * 8, b, k * 8, 8)) {
                same++;
            }
        }
        return same;
    }

    static int requiredAgreement(double similarity) {
        return (int) Math.ceil(Math.max(0, Math.min(1, similarity)) * HASHES);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
