package io.socialbot.incident;

import io.socialbot.stats.ResponseTimeReport;
import io.socialbot.triage.TriageDecision.Priority;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The figures of one digest, computed once: what the Slack text, the chart and any other view show. Windows are
 * whole hours of the brand's zone ({@code from} is an hour start, or the incident's start when it began later),
 * because the counters are hourly; the label says so.
 *
 * @param lateSlot  the hour start of a digest posted late, or null
 * @param update    the incident's latest status update, or null
 * @param previous  the same number of hours before the window, or null in the incident's first hour
 * @param hours     every hour of the incident up to {@code to}, for the chart and the trend
 * @param response  the response-time report of the incident's cases received in the window, by the stats policy
 * @param checked   how people's sentiment labels of posts since the incident began compare with triage's
 */
public record DigestFigures(String incident, ZoneId zone, Instant from, Instant to, Instant lateSlot,
                            StatusUpdate update, Volume volume, Volume previous, Volume total, Duration totalSpan,
                            Map<Label, Long> sentiment, Trend trend, int trendMinMentions, List<HourPoint> hours,
                            List<ThemeCount> themes, List<Count> places, List<Voice> voices, List<Wave> waves,
                            Backlog backlog, ResponseTimeReport response, Checked checked) {

    /**
     * People's sentiment labels given since the incident began: how many, how many agreed with triage, and the
     * commonest misreading ({@code shown} read where people said {@code said}, {@code misread} times; nulls and 0
     * when none).
     */
    public record Checked(long labelled, long agreed, Label shown, Label said, long misread) {
        public static final Checked NONE = new Checked(0, 0, null, null, 0);
    }

    /** Relevant mentions, their authors and retweets; spam and other non-relevant mentions counted apart. */
    public record Volume(long mentions, long authors, long retweets, long notRelevant) {
    }

    /** How the negative share moved; {@code TOO_FEW} when a compared hour had fewer than the minimum. */
    public enum Trend { BETTER, WORSE, STEADY, FIRST, TOO_FEW, EMPTY }

    /** Relevant mentions of one hour by sentiment; {@code partial} when the window covers only part of it. */
    public record HourPoint(Instant hour, long negative, long neutral, long positive, boolean partial) {
        public long total() {
            return negative + neutral + positive;
        }
    }

    /** A theme with one example, never the example of another theme; {@code example} is raw (null when none). */
    public record ThemeCount(String theme, long count, String example) {
    }

    /** A named count (a place). */
    public record Count(String name, long count) {
    }

    /** An author being heard: press first, then others above the reach threshold. */
    public record Voice(String handle, long reach, boolean press) {
    }

    /** A retweet storm or near-duplicate wave; {@code id} is its case's key, {@code link} that case's Slack post or null. */
    public record Wave(String kind, long size, String id, String link) {
    }

    /** A case waiting for a first answer; {@code link} is its Slack post, or null when unknown. */
    public record Waiting(String caseKey, Priority priority, Duration waited, boolean safety, String link) {
    }

    /**
     * The incident's open cases now: {@code waiting} have no first answer of either kind; {@code waitingSafety} of
     * those are safety cases only people may answer.
     */
    public record Backlog(Map<Priority, Long> unclaimed, Map<Priority, Long> open, int waiting, int waitingSafety,
                          Waiting oldest) {
    }
}
