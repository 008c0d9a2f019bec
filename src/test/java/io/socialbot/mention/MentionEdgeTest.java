package io.socialbot.mention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The format's limits at the edge: dates in range, ids as documented, one value per key, keys that never collide. */
class MentionEdgeTest {

    static String withDate(String date) {
        return "{\"id\":\"1\",\"created_at\":\"" + date + "\",\"text\":\"hi\",\"author\":{\"handle\":\"jo\"}}";
    }

    static MentionJson.Invalid invalid(String json) {
        MentionJson.Parsed parsed = MentionJson.parseLine(json);
        assertThat(parsed).as(json).isInstanceOf(MentionJson.Invalid.class);
        return (MentionJson.Invalid) parsed;
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01T00:00:00+18:00", "+999999999-12-31T23:59:59.999999999-18:00",
            "+300000000-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "1970-01-01T00:59:59+01:00",
            "2100-01-01T00:00:00Z", "2099-12-31T23:00:00-01:00", "+10000-01-01T00:00Z", "0000-01-01T00:00:00Z"})
    void datesOutsideTheRangeAreRefusedNamingCreatedAt(String date) {
        MentionJson.Invalid bad = invalid(withDate(date));
        assertThat(bad.field()).isEqualTo("created_at");
        assertThat(bad.reason()).contains("1970-01-01T00:00:00Z").contains("2100-01-01T00:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "1970-01-01T01:00:00+01:00", "2099-12-31T23:59:59.999999999Z",
            "2026-03-02T08:15Z", "2026-03-02T08:15:00.5+05:30", "2026-03-02T08:15:00,5Z", "2026-03-02T08:15:00-00:00",
            "2026-03-02T08:15:00+14:00"})
    void datesInsideTheRangeAreKeptAndReadBack(String date) {
        MentionJson.Parsed parsed = MentionJson.parseLine(withDate(date));
        assertThat(parsed).as(date).isInstanceOf(MentionJson.Valid.class);
        Mention m = ((MentionJson.Valid) parsed).mention();
        assertThat(MentionJson.read(MentionJson.write(m)).createdAt()).isEqualTo(m.createdAt());
    }

    @Test
    void everyInstantTheRangeAllowsSurvivesAWriteAndARead() {
        Random random = new Random(20);
        long from = MentionJson.EARLIEST.getEpochSecond();
        long to = MentionJson.END.getEpochSecond();
        for (int i = 0; i < 2_000; i++) {
            Instant at = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)), random.nextInt(1_000_000_000));
            Mention m = new Mention("d" + i, "fuzz", at, "t", new Mention.Author(null, "h", null, 0, false), null, null,
                    null, null, null);
            assertThat(MentionJson.read(MentionJson.write(m)).createdAt()).isEqualTo(at);
            assertThat(Math.multiplyExact(at.getEpochSecond(), 1000L)).isPositive(); // milliseconds fit a long
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.5", "1e3", "1.0", "-0.5", "12345678901234567890.1"})
    void anIdThatIsNotAWholeNumberIsRefused(String id) {
        MentionJson.Invalid bad = invalid("{\"id\":" + id + ",\"created_at\":\"2026-03-02T08:15:00Z\",\"text\":\"x\","
                + "\"author\":{\"handle\":\"jo\"}}");
        assertThat(bad.field()).isEqualTo("id");
        assertThat(bad.reason()).contains("whole number");
        assertThat(invalid("{\"id\":\"1\",\"in_reply_to\":" + id + ",\"created_at\":\"2026-03-02T08:15:00Z\","
                + "\"text\":\"x\",\"author\":{\"handle\":\"jo\"}}").field()).isEqualTo("in_reply_to");
    }

    @Test
    void wholeNumberIdsOfAnySizeAreKeptAsTheirDigits() {
        for (String id : new String[] {"7", "1811122233344455566", "123456789012345678901234567890"}) {
            Mention m = ((MentionJson.Valid) MentionJson.parseLine("{\"id\":" + id
                    + ",\"created_at\":\"2026-03-02T08:15:00Z\",\"text\":\"x\",\"author\":{\"handle\":\"jo\"}}")).mention();
            assertThat(m.id()).isEqualTo(id);
        }
    }

    @Test
    void aKeyGivenTwiceIsRefusedByItsPath() {
        assertThat(invalid("{\"id\":\"1\",\"id\":\"2\",\"created_at\":\"2026-03-02T08:15:00Z\",\"text\":\"x\","
                + "\"author\":{\"handle\":\"jo\"}}").message()).isEqualTo("id: is given more than once");
        assertThat(invalid("{\"id\":\"1\",\"created_at\":\"2026-03-02T08:15:00Z\",\"text\":\"x\","
                + "\"author\":{\"handle\":\"jo\",\"handle\":\"ann\"}}").field()).isEqualTo("author.handle");
    }

    @Test
    void aLeadingByteOrderMarkIsAcceptedAndIgnored() {
        assertThat(MentionJson.parseLine("\uFEFF" + withDate("2026-03-02T08:15:00Z")))
                .isInstanceOf(MentionJson.Valid.class);
        assertThat(invalid(withDate("2026-03-02T08:15:00Z") + "\uFEFF").field()).isEqualTo("$");
    }

    @Test
    void pairsThatUsedToShareAKeyNoLongerDo() {
        assertThat(MentionKey.of("a:b", "c")).isNotEqualTo(MentionKey.of("a", "b:c"));
        assertThat(MentionKey.of("a%3Ab", "c")).isNotEqualTo(MentionKey.of("a:b", "c"));
        assertThat(MentionKey.of("x", "1811122233344455566")).as("plain keys are unchanged")
                .isEqualTo("x:1811122233344455566");
        assertThat(MentionKey.of("twitter", "w7")).isEqualTo("twitter:w7");
    }

    @Test
    void randomPairsNeverCollideAndEveryKeyIsSlackAndCommandSafe() {
        Random random = new Random(2026);
        String alphabet = "ab:%3A_ -`<>&|*\u00e9\uD83D\uDE00";
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            String source = randomString(random, alphabet);
            String id = randomString(random, alphabet);
            String key = MentionKey.of(source, id);
            String pair = source + "\u0000" + id;
            String before = seen.putIfAbsent(key, pair);
            assertThat(before == null || before.equals(pair)).as("%s and %s share %s", before, pair, key).isTrue();
            assertThat(MentionKey.isWellFormed(key)).as(key).isTrue();
            assertThat(key).matches("[A-Za-z0-9._~%-]+:[A-Za-z0-9._~%-]+");
        }
    }

    private static String randomString(Random random, String alphabet) {
        int n = 1 + random.nextInt(4);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c) && at + 1 < alphabet.length()) {
                s.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                s.append(c);
            }
        }
        return s.length() == 0 ? "a" : s.toString();
    }
}
