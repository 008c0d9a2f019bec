package io.socialbot.triage;

import java.util.ArrayList;
import java.util.List;

/** {@link NearDuplicates#fingerprint} as it was before its signature lost a string per value: the test's reference. */
final class ReferenceFingerprint {

    private static final int HASHES = 24;
    private static final int BANDS = 6;
    private static final int ROWS = HASHES / BANDS;
    private static final long[] SEEDS = new long[HASHES];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            x = mix(x + 0x632BE59BD9B4E5DL * (i + 1));
            SEEDS[i] = x;
        }
    }

    private ReferenceFingerprint() {
    }

    static NearDuplicates.Fingerprint of(List<String> words, int minWords) {
        if (words.isEmpty()) {
            return NearDuplicates.Fingerprint.NONE;
        }
        if (words.size() < minWords) {
            long h = 1125899906842597L;
            for (String w : words) {
                h = h * 31 + w.hashCode() * 0x9E3779B97F4A7C15L;
            }
            return new NearDuplicates.Fingerprint(List.of("x" + Long.toHexString(mix(h))), "");
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
            String hex = Integer.toHexString(v);
            signature.append("00000000", hex.length(), 8).append(hex);
        }
        return new NearDuplicates.Fingerprint(bands, signature.toString());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
