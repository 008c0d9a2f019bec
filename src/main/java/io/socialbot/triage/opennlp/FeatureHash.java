package io.socialbot.triage.opennlp;

/**
 * 64-bit polynomial hashes of feature names that compose: the hash of {@code a + b} follows from the hashes of
 * {@code a} and {@code b} and the length of {@code b}, so a text's n-grams, marked words and bigrams are hashed
 * without building their strings. {@link #key} mixes a hash into the key {@link HashedMaxent} stores.
 */
final class FeatureHash {

    /** Odd, so every power is too and no character's contribution is lost modulo 2^64. */
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
    private static final long[] POWERS = new long[512];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * MULTIPLIER;
        }
    }

    private FeatureHash() {
    }

    static long of(CharSequence s) {
        return append(0, s, 0, s.length());
    }

    /** The hash of what {@code h} hashed followed by {@code s[from, to)}. */
    static long append(long h, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            h = step(h, s.charAt(i));
        }
        return h;
    }

    /** One character more; each counts as its value plus one, so a leading NUL still changes the hash. */
    static long step(long h, char c) {
        return h * MULTIPLIER + c + 1;
    }

    /** The hash of {@code left + right}, given {@code right}'s length. */
    static long concat(long left, long right, int rightLength) {
        return left * power(rightLength) + right;
    }

    /** The hash of {@code s[from, from + length)} from the prefix hashes of {@code s} ({@code prefix[k]} of its first k). */
    static long substring(long[] prefix, int from, int length) {
        return prefix[from + length] - prefix[from] * power(length);
    }

    static long power(int n) {
        if (n < POWERS.length) {
            return POWERS[n];
        }
        long p = POWERS[POWERS.length - 1];
        for (int i = POWERS.length - 1; i < n; i++) {
            p *= MULTIPLIER;
        }
        return p;
    }

    /** A hash mixed (MurmurHash3's finaliser) so its low bits index a table well; never 0, which marks a free slot. */
    static long key(long hash) {
        long k = hash;
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k == 0 ? 1 : k;
    }
}
