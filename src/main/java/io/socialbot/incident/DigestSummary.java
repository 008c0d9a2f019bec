package io.socialbot.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialbot.platform.slack.SlackText;
import io.socialbot.prompt.LanguageModel;
import io.socialbot.prompt.PromptId;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.Durations;
import io.socialbot.stats.ResponseTimeReport;
import io.socialbot.triage.TriageDecision.Sentiment.Label;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional "what changed this hour" line at the top of the hourly digest: the model is given only the digest's
 * figures (counts, shares, durations; no customer text, handle, place or example), and its answer is shown only
 * when it is at most two sentences with no link, no handle and no number the figures do not hold.
 */
public final class DigestSummary {

    static final PromptId SYSTEM = PromptId.of("digest/summary-system");
    static final PromptId LINE = PromptId.of("digest/summary-line", "summary");
    static final PromptId LEFT_OUT = PromptId.of("digest/summary-left-out", "why");

    /** No model or not wanted: the digest goes out as composed. */
    public static final DigestSummary OFF = new DigestSummary(null, null);

    private static final Logger log = LoggerFactory.getLogger(DigestSummary.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TOKENS = 160;
    private static final int MAX_CHARS = 400;
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)");
    /** A scheme, www., an @handle, a Slack link or anything shaped like a domain. */
    private static final Pattern LINK_OR_HANDLE = Pattern.compile(
            "(?i)(?:[a-z][a-z0-9+.-]*://|www\\.|@\\w|<|\\b[a-z0-9-]+\\.[a-z]{2,}\\b)");

    private final LanguageModel model;
    private final PromptTemplates templates;

    public DigestSummary(LanguageModel model, PromptTemplates templates) {
        this.model = model;
        this.templates = templates;
    }

    /**
     * The digest with the checked line on top; unchanged when off; with a closing note saying why when the model
     * failed or its line was refused, so a reader who expects the line is not left guessing.
     */
    public Digest addTo(Digest digest) {
        if (model == null) {
            return digest;
        }
        Line line;
        try {
            line = line(digest.figures());
        } catch (RuntimeException e) {
            // the digest never fails for its optional line
            log.warn("Digest summary of {} left out: {}", digest.incident(), e.toString());
            line = new Line(null, "the bot could not ask the model");
        }
        String text = line.text() != null
                ? templates.render(LINE, Map.of("summary", SlackText.escape(line.text()))) + "\n" + digest.text()
                : digest.text() + "\n" + templates.render(LEFT_OUT, Map.of("why", SlackText.escape(line.leftOut())));
        return new Digest(digest.incident(), digest.from(), digest.to(), text, digest.figures());
    }

    /** The model's checked line, or (when {@code text} is null) why there is none, in words a reader can take. */
    record Line(String text, String leftOut) {
    }

    /** The model's checked line for these figures, or why it is left out. */
    Line line(DigestFigures f) {
        String figures = figures(f);
        LanguageModel.ModelAnswer answer = model.complete(new LanguageModel.ModelRequest(
                templates.source(SYSTEM).strip(), figures, MAX_TOKENS));
        if (answer instanceof LanguageModel.Unavailable down) {
            log.info("Digest summary of {} left out: the model {} ({}){}", f.incident(), down.reason().words(),
                    down.detail(), down.retryAt() == null ? "" : "; not asked again before " + down.retryAt());
            return new Line(null, "the model " + down.reason().words() + (down.retryAt() == null ? ""
                    : "; it is not asked again before " + time(f, down.retryAt()) + " " + f.zone().getId()));
        }
        LanguageModel.Answered answered = (LanguageModel.Answered) answer;
        String text = answered.text() == null ? "" : answered.text().replaceAll("\\s+", " ").strip();
        Optional<String> problem = answered.cutShort() ? Optional.of("it was cut short") : problem(text, figures);
        if (problem.isPresent()) {
            log.info("Digest summary of {} left out: {}", f.incident(), problem.get());
            // the model's words are never shown unchecked, not even in the note
            return new Line(null, "the model's line did not pass the bot's checks");
        }
        return new Line(text, null);
    }

    /** Why the line may not be shown, or empty when it passes. */
    static Optional<String> problem(String text, String figures) {
        if (text.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (text.length() > MAX_CHARS) {
            return Optional.of("it is longer than " + MAX_CHARS + " characters");
        }
        Matcher ends = SENTENCE_END.matcher(text);
        int sentences = 0;
        int lastEnd = 0;
        while (ends.find()) {
            sentences++;
            lastEnd = ends.end();
        }
        if (lastEnd < text.length()) {
            sentences++; // a last sentence without its full stop
        }
        if (sentences > 2) {
            return Optional.of("it has more than two sentences");
        }
        Matcher link = LINK_OR_HANDLE.matcher(text);
        if (link.find()) {
            return Optional.of("it carries a link or handle (" + link.group() + ")");
        }
        Set<String> known = numbers(figures);
        for (String n : numbers(text)) {
            if (!known.contains(n)) {
                return Optional.of("it has a number that is not in the figures (" + n + ")");
            }
        }
        return Optional.empty();
    }

    /** Numbers as values: {@code 05} and {@code 5}, {@code 1,200} and {@code 1200} are the same. */
    private static Set<String> numbers(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String raw = m.group();
            // a comma between digits is a thousands separator; a trailing sentence dot is not matched
            String plain = raw.matches("\\d{1,3}(,\\d{3})+") ? raw.replace(",", "") : raw.replace(',', '.');
            try {
                out.add(new BigDecimal(plain).stripTrailingZeros().toPlainString());
            } catch (NumberFormatException e) {
                out.add(raw);
            }
        }
        return out;
    }

    /** The digest's figures as JSON: numbers, shares and durations only, never a customer's words. */
    static String figures(DigestFigures f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("window", time(f, f.from()) + "-" + time(f, f.to()) + " " + f.zone().getId());
        ObjectNode now = o.putObject("this_window");
        volume(now, f.volume());
        if (f.previous() == null) {
            o.putNull("previous_window");
        } else {
            volume(o.putObject("previous_window"), f.previous());
            if (f.previous().mentions() > 0) {
                o.put("mentions_change_percent", Math.round((f.volume().mentions() - f.previous().mentions()) * 100.0
                        / f.previous().mentions()));
            }
        }
        o.put("incident_total_mentions", f.total().mentions());
        o.put("incident_total_authors", f.total().authors());
        o.put("incident_running_for", Durations.exact(f.totalSpan()));
        ObjectNode feel = o.putObject("sentiment_this_window");
        long sum = f.sentiment().values().stream().mapToLong(Long::longValue).sum();
        for (Label l : Label.values()) {
            long count = f.sentiment().getOrDefault(l, 0L);
            feel.put(l.name().toLowerCase(Locale.ROOT), count);
            feel.put(l.name().toLowerCase(Locale.ROOT) + "_percent", DigestText.share(count, sum));
        }
        o.put("negative_share_trend", f.trend().name().toLowerCase(Locale.ROOT));
        ArrayNode themes = o.putArray("themes");
        f.themes().forEach(t -> themes.addObject().put("theme", t.theme()).put("mentions", t.count()));
        ArrayNode waves = o.putArray("waves");
        f.waves().forEach(w -> waves.addObject().put("kind", w.kind()).put("size", w.size()));
        ObjectNode backlog = o.putObject("backlog_now");
        backlog.put("unclaimed", total(f.backlog().unclaimed()));
        backlog.put("unresolved", total(f.backlog().open()));
        backlog.put("waiting_for_a_first_answer", f.backlog().waiting());
        backlog.put("of_which_safety_cases", f.backlog().waitingSafety());
        if (f.backlog().oldest() == null) {
            backlog.putNull("oldest_wait");
        } else {
            backlog.put("oldest_wait", Durations.exact(f.backlog().oldest().waited()));
        }
        ResponseTimeReport.Row all = f.response().total();
        ObjectNode response = o.putObject("response_times_this_window");
        response.put("cases", all.cases());
        response.put("to_claim_median", spread(all.toClaim().median()));
        response.put("to_first_reply_median", spread(all.toFirstReply().median()));
        response.put("target_breaches", all.breaches());
        o.put("status_update_posted", f.update() != null);
        return o.toPrettyString();
    }

    private static void volume(ObjectNode o, DigestFigures.Volume v) {
        o.put("relevant_mentions", v.mentions()).put("authors", v.authors()).put("retweets", v.retweets())
                .put("not_relevant", v.notRelevant());
    }

    private static long total(Map<?, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String spread(Duration d) {
        return d == null ? null : Durations.exact(d);
    }

    private static String time(DigestFigures f, Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(f.zone()));
    }
}
