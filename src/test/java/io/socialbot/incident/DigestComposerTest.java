package io.socialbot.incident;

import io.socialbot.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.incident.redis.RedisDigestCounts;
import io.socialbot.incident.redis.RedisIncidentStore;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.InMemoryCaseTimelineStore;
import io.socialbot.support.TestRedis;
import io.socialbot.triage.TriageDecision.Priority;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replays a generated incident over three hours and checks the digest against numbers computed here. */
class DigestComposerTest {

    static final Instant H10 = Instant.parse("2026-03-02T10:00:00Z");
    static final Instant H11 = Instant.parse("2026-03-02T11:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private final RedisKeys keys = TestRedis.freshKeys();
    private final RedisIncidentStore incidents = new RedisIncidentStore(TestRedis.client(), keys);
    private final RedisDigestCounts counts = new RedisDigestCounts(TestRedis.client(), keys, Duration.ofDays(1));
    private final InMemoryCaseTimelineStore cases = new InMemoryCaseTimelineStore();
    private final MutableClock clock = new MutableClock(NOW);
    private final IncidentProperties properties = IncidentProperties.defaults().withPress(Set.of(ReplayedIncident.PRESS));
    private final InMemoryDecisionStore decisions = new InMemoryDecisionStore();
    private final ReplayedIncident replay = new ReplayedIncident(new int[]{30, 90, 60}, new double[]{0.7, 0.7, 0.3}, 7);
    private DigestComposer composer;
    private Incident incident;

    @BeforeEach
    void replay() {
        incidents.start(ReplayedIncident.NAME, "C0INC", "ULEAD", ReplayedIncident.START);
        incident = incidents.current().orElseThrow();
        var listener = new IncidentMentionCounter(incidents, counts, properties);
        replay.items.forEach(i -> listener.onDecision(i.mention(), i.decision()));
        replay.items.forEach(i -> decisions.saveIfAbsent(i.decision()));
        replay.caseEvents(NOW).forEach(cases::on);
        composer = TestDigests.composer(incidents, counts, cases, decisions, CaseLinks.NONE, properties, clock);
    }

    @Test
    void theHourJustEndedHasTheVolumeSentimentAndChangeComputedFromTheMentions() {
        incidents.addUpdate("engineers found the <fault>", "ULEAD", H11.plusSeconds(600));
        Digest digest = composer.compose(incident, H11, NOW, null);
        String text = digest.text();
        List<ReplayedIncident.Item> hour = replay.between(H11, NOW);
        List<ReplayedIncident.Item> before = replay.between(H10, H11);
        long retweets = hour.stream().filter(i -> !i.isCase()).count();
        long authors = hour.stream().map(i -> i.mention().author().handle()).distinct().count();

        Matcher volume = Pattern.compile("(\\d+) relevant mentions from (\\d+) people \\((\\d+) retweets\\), ([^ ]+) vs "
                + "the hours before \\((\\d+)\\)").matcher(text);
        assertThat(volume.find()).as(text).isTrue();
        assertThat(Long.parseLong(volume.group(1))).isEqualTo(hour.size());
        // unique authors come from a HyperLogLog: exact enough at this size, within 2% by design
        assertThat((double) Long.parseLong(volume.group(2))).isCloseTo(authors, org.assertj.core.data.Offset.offset(authors * 0.02 + 1));
        assertThat(Long.parseLong(volume.group(3))).isEqualTo(retweets);
        long change = Math.round((hour.size() - before.size()) * 100.0 / before.size());
        assertThat(volume.group(4)).isEqualTo((change > 0 ? "+" : "") + change + "%");
        assertThat(Long.parseLong(volume.group(5))).isEqualTo(before.size());
        assertThat(text).contains("Since the start: " + replay.items.size() + " mentions");

        assertThat(text).contains(pct(hour, Label.NEGATIVE) + " negative · " + pct(hour, Label.NEUTRAL)
                + " neutral · " + pct(hour, Label.POSITIVE) + " positive");
        List<List<ReplayedIncident.Item>> byHour = List.of(replay.between(ReplayedIncident.START, H10), before, hour);
        List<String> shares = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            var l = byHour.get(h);
            // the first hour began at 09:20, so it is only part of an hour
            shares.add(Math.round(l.stream().filter(i -> label(i) == Label.NEGATIVE).count() * 100.0 / l.size())
                    + "% of " + l.size() + (h == 0 ? "*" : ""));
        }
        assertThat(text).contains("(of how many mentions; * = part of an hour): " + String.join(" → ", shares) + ".");
        assertThat(text).contains("It is turning around");
        assertThat(text).contains("engineers found the &lt;fault&gt;").doesNotContain("<fault>");
        assertThat(text).doesNotContain("Posted late");
    }

    @Test
    void themesInfluencersPressAndClustersAreTheTopOnesWithEscapedExamples() {
        String text = composer.compose(incident, H11, NOW, null).text();
        List<ReplayedIncident.Item> hour = replay.between(H11, NOW);
        Map<String, Long> themes = new TreeMap<>();
        Map<String, String> firstExample = new TreeMap<>();
        for (var i : hour) {
            for (String t : i.decision().themes()) {
                themes.merge(t, 1L, Long::sum);
            }
            // a mention is the example of its first theme that has none yet, and of no other
            for (String t : i.decision().themes()) {
                if (!firstExample.containsKey(t)) {
                    firstExample.put(t, i.mention().text());
                    break;
                }
            }
        }
        assertThat(new HashSet<>(firstExample.values())).hasSameSizeAs(firstExample.values());
        String top = Collections.max(themes.entrySet(), Map.Entry.comparingByValue()).getKey();
        String example = firstExample.get(top).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        assertThat(text).contains("• *" + top + "*: " + themes.get(top) + ", e.g. \"" + example + "\"");
        assertThat(text).doesNotContain("Still down <");

        var topAuthor = hour.stream().map(i -> i.mention().author())
                .filter(a -> !a.handle().equals(ReplayedIncident.PRESS))
                .max(Comparator.comparingLong(a -> a.followers())).orElseThrow();
        assertThat(text).contains("• @" + topAuthor.handle() + " (reach " + topAuthor.followers() + ")");
        // below the 10,000 reach threshold nobody is listed; press comes before everyone else
        hour.stream().map(i -> i.mention().author()).filter(a -> a.followers() < 10_000)
                .forEach(a -> assertThat(text).doesNotContain("• @" + a.handle() + " "));
        assertThat(text.indexOf(":newspaper: press @newsdesk")).isLessThan(text.indexOf("• @" + topAuthor.handle()));
        boolean pressSpoke = hour.stream().anyMatch(i -> i.mention().author().handle().equals(ReplayedIncident.PRESS));
        assertThat(pressSpoke).as("the seed puts the press in this hour").isTrue();
        assertThat(text).contains(":newspaper: press @newsdesk (reach 500000)").doesNotContain("• @newsdesk");

        int storm = (int) hour.stream().filter(i -> !i.isCase()).mapToInt(i -> i.decision().cluster().size()).max()
                .orElseThrow();
        assertThat(text).contains("• retweet wave of " + storm + " posts (started by x:storm)");
    }

    @Test
    void backlogAndResponseTimesComeFromTheCaseTimelines() {
        String text = composer.compose(incident, H11, NOW, null).text();
        List<ReplayedIncident.Item> allCases = replay.items.stream().filter(ReplayedIncident.Item::isCase).toList();
        Map<Priority, Long> unclaimed = new TreeMap<>();
        Map<Priority, Long> open = new TreeMap<>();
        ReplayedIncident.Item oldest = null;
        int waiting = 0;
        int waitingSafety = 0;
        for (var i : allCases) {
            boolean isOpen = i.resolved() == null || !i.resolved().isBefore(NOW);
            if (!isOpen) {
                continue;
            }
            open.merge(i.decision().priority(), 1L, Long::sum);
            if (i.claimed() == null || !i.claimed().isBefore(NOW)) {
                unclaimed.merge(i.decision().priority(), 1L, Long::sum);
            }
            boolean unanswered = i.replied() == null || !i.replied().isBefore(NOW);
            if (unanswered) {
                waiting++;
                if (i.decision().themes().contains("safety")) {
                    waitingSafety++;
                }
                if (oldest == null) {
                    oldest = i;
                }
            }
        }
        assertThat(text).contains("Unclaimed: " + byPriority(unclaimed) + ". Open: " + byPriority(open)
                + ". Waiting for a first answer: " + waiting + " (" + waitingSafety + " safety).");
        boolean oldestSafety = oldest.decision().themes().contains("safety");
        assertThat(text).contains("Longest waiting: " + oldest.mention().key() + " (" + oldest.decision().priority()
                + (oldestSafety ? ", safety: a person must answer" : "") + "), waiting "
                + exact(Duration.between(oldest.mention().createdAt(), NOW)));

        List<ReplayedIncident.Item> hour = replay.between(H11, NOW).stream().filter(ReplayedIncident.Item::isCase).toList();
        List<Duration> claim = new ArrayList<>();
        List<Duration> reply = new ArrayList<>();
        Map<Priority, int[]> late = new TreeMap<>();
        int breaches = 0;
        for (var i : hour) {
            Instant at = i.mention().createdAt();
            Instant c = i.claimed() != null && i.claimed().isBefore(NOW) ? i.claimed() : null;
            Instant r = i.replied() != null && i.replied().isBefore(NOW) ? i.replied() : null;
            Instant resolved = i.resolved() != null && i.resolved().isBefore(NOW) ? i.resolved() : null;
            if (c != null) {
                claim.add(Duration.between(at, c));
            }
            if (r != null) {
                reply.add(Duration.between(at, r));
            }
            // the stats policy, written out here: per-priority targets, from arrival to the first answer
            Duration target = Map.of(Priority.P1, Duration.ofMinutes(15), Priority.P2, Duration.ofHours(1),
                    Priority.P3, Duration.ofHours(4), Priority.P4, Duration.ofHours(24)).get(i.decision().priority());
            Duration waited = Duration.between(at, r != null ? r : resolved != null ? resolved : NOW);
            int[] counts = late.computeIfAbsent(i.decision().priority(), p -> new int[2]);
            counts[1]++;
            if (waited.compareTo(target) > 0) {
                counts[0]++;
                breaches++;
            }
        }
        String perPriority = late.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] + "/"
                + e.getValue()[1]).collect(Collectors.joining(", "));
        assertThat(text).contains(hour.size() + " new cases. Time to claim: median " + nearestRank(claim, 50)
                + ", p90 " + nearestRank(claim, 90) + ". Time to first answer: median " + nearestRank(reply, 50)
                + ", p90 " + nearestRank(reply, 90) + "; 0 first answered by a status-update broadcast. Past their "
                + "priority's target: " + breaches + " (" + perPriority + "), by the same policy as `/stats`.");
    }

    @Test
    void aWiderWindowMergesHoursAndTheSeriesCoversTheIncident() {
        Digest digest = composer.compose(incident, NOW.minus(Duration.ofHours(6)), NOW, null);
        assertThat(digest.text()).contains(replay.items.size() + " relevant mentions from");
        assertThat(digest.text()).contains("digest for Mon 2 Mar 2026 09:20–12:00 (Europe/London)");
        assertThat(digest.hours()).hasSize(3);
        for (int h = 0; h < 3; h++) {
            Instant from = Instant.parse("2026-03-02T09:00:00Z").plus(Duration.ofHours(h));
            var items = replay.between(from, from.plus(Duration.ofHours(1)));
            var point = digest.hours().get(h);
            assertThat(point.total()).isEqualTo(items.size());
            assertThat(point.negative()).isEqualTo(items.stream().filter(i -> label(i) == Label.NEGATIVE).count());
            assertThat(point.positive()).isEqualTo(items.stream().filter(i -> label(i) == Label.POSITIVE).count());
        }
    }

    @Test
    void aLateDigestSaysSo() {
        clock.set(NOW.plus(Duration.ofHours(2)));
        assertThat(composer.compose(incident, H11, NOW, H11).text())
                .contains("Posted late: this is the digest for the hour starting 11:00");
    }

    @Test
    void trendNeedsFivePointsAgainstTheHoursBeforeAndTenMentionsInEachHourCompared() {
        assertThat(DigestComposer.trend(series(70), 10)).isEqualTo(DigestFigures.Trend.FIRST);
        assertThat(DigestComposer.trend(series(70, 64), 10)).isEqualTo(DigestFigures.Trend.BETTER);
        assertThat(DigestComposer.trend(series(70, 66), 10)).isEqualTo(DigestFigures.Trend.STEADY);
        assertThat(DigestComposer.trend(series(50, 70, 66), 10)).isEqualTo(DigestFigures.Trend.WORSE);
        // a falling share read from a 2-mention hour says nothing
        var small = new ArrayList<>(series(70, 70));
        small.add(new DigestFigures.HourPoint(H11.plus(Duration.ofHours(1)), 0, 1, 1, false));
        assertThat(DigestComposer.trend(small, 10)).isEqualTo(DigestFigures.Trend.TOO_FEW);
    }

    /** Hours of 100 mentions each with the given negative shares. */
    private static List<DigestFigures.HourPoint> series(int... negative) {
        List<DigestFigures.HourPoint> out = new ArrayList<>();
        for (int i = 0; i < negative.length; i++) {
            out.add(new DigestFigures.HourPoint(H10.plus(Duration.ofHours(i)), negative[i], 100 - negative[i], 0,
                    false));
        }
        return out;
    }

    private static Label label(ReplayedIncident.Item i) {
        return i.decision().sentiment().label();
    }

    private static String pct(List<ReplayedIncident.Item> items, Label label) {
        return Math.round(items.stream().filter(i -> label(i) == label).count() * 100.0 / items.size()) + "%";
    }

    private static String byPriority(Map<Priority, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return total == 0 ? "0" : total + " (" + counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String nearestRank(List<Duration> values, int p) {
        if (values.isEmpty()) {
            return "–";
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return exact(sorted.get(rank - 1));
    }

    /** Durations as leadership reads them, written out again here: 45 s, 7 m 05 s, 2 h 05 m. */
    static String exact(Duration d) {
        long s = d.getSeconds();
        if (s >= 3600) {
            return s / 3600 + " h " + String.format("%02d m", s % 3600 / 60);
        }
        if (s < 60) {
            return s + " s";
        }
        return s / 60 + " m" + (s % 60 == 0 ? "" : String.format(" %02d s", s % 60));
    }
}
