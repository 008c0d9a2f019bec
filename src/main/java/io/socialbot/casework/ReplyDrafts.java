package io.socialbot.casework;

import io.socialbot.mention.Mention;
import io.socialbot.prompt.LanguageModel;
import io.socialbot.prompt.PromptId;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.triage.TriageDecision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Drafted replies from the brand's language model, in the voice of {@code prompts/draft/}, grounded in the facts
 * file, the latest status update and the case. Each draft passes the {@link DraftGuard} and X's length or is
 * shortened or dropped. Safety cases never get one. A model that is off, slow, down or over its cap gives no
 * drafts (the templates stay), and each agent is told once until it answers again. Drafts are kept per case while
 * the facts and the update stay the same.
 */
public final class ReplyDrafts {

    public static final PromptId SYSTEM = PromptId.of("draft/system", "facts", "update");
    public static final PromptId CASE = PromptId.of("draft/case", "handle", "priority", "themes", "sentiment",
            "cluster", "thread", "text");
    public static final PromptId FACTS = PromptId.of("draft/facts");

    static final int MAX_DRAFTS = 3;
    /** A shortened draft must still say something. */
    static final int SHORTEST = 30;
    private static final Pattern SEPARATOR = Pattern.compile("(?m)^\\s*-{3,}\\s*$");
    private static final Pattern NUMBERED = Pattern.compile("(?m)^\\s*(?:draft\\s*)?\\d[.):]\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    /** What the agent gets. */
    public sealed interface DraftOutcome {
    }

    /** Up to three drafts that passed every check; {@code dropped} how many the model wrote that did not. */
    public record Drafted(List<String> drafts, int dropped) implements DraftOutcome {
        public Drafted {
            drafts = List.copyOf(drafts);
        }
    }

    /** No drafts; {@code agentMessage} is what to tell the agent, or null to say nothing. */
    public record NoDrafts(Why why, String agentMessage) implements DraftOutcome {
    }

    /** Why there are no drafts. */
    public enum Why { OFF, SAFETY, UNAVAILABLE, NONE_PASSED }

    private record Cached(Instant at, String grounds, Drafted drafts) {
    }

    private final LanguageModel model;
    private final PromptTemplates templates;
    private final ReplyLength length;
    private final DraftGuard guard;
    private final Function<String, Optional<Mention>> mentions;
    private final Clock clock;
    private final Duration cacheFor;
    private final int maxTokens;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Set<String> told = ConcurrentHashMap.newKeySet();

    /** @param model null when no model is configured: drafting is off */
    public ReplyDrafts(LanguageModel model, PromptTemplates templates, ReplyLength length, DraftGuard guard,
                       Function<String, Optional<Mention>> mentions, Clock clock, Duration cacheFor, int maxTokens) {
        this.model = model;
        this.templates = templates;
        this.length = length;
        this.guard = guard;
        this.mentions = mentions;
        this.clock = clock;
        this.cacheFor = cacheFor;
        this.maxTokens = maxTokens;
    }

    public boolean enabled() {
        return model != null;
    }

    /** Whether a draft is worth asking for this case (the modal says "drafting" only then). */
    public boolean offeredFor(CaseView view) {
        return enabled() && !view.decision().isSafetyCase();
    }

    /** Drafts for the case; blocks for at most the model's timeout, so call it off Slack's request thread. */
    public DraftOutcome draft(CaseView view, Optional<String> latestUpdate, String agent) {
        if (!enabled()) {
            return new NoDrafts(Why.OFF, null);
        }
        if (view.decision().isSafetyCase()) {
            return new NoDrafts(Why.SAFETY, null); // a person writes those; the modal already says so
        }
        String facts = templates.current(FACTS);
        String update = latestUpdate.orElse("none yet");
        String grounds = facts + "\u0000" + update;
        Instant now = clock.instant();
        Cached hit = cache.get(view.c().key());
        if (hit != null && hit.grounds().equals(grounds) && hit.at().plus(cacheFor).isAfter(now)) {
            return hit.drafts();
        }
        LanguageModel.ModelAnswer answer = model.complete(new LanguageModel.ModelRequest(
                templates.render(SYSTEM, Map.of("facts", facts, "update", update)), caseMessage(view), maxTokens));
        if (answer instanceof LanguageModel.Unavailable down) {
            boolean first = told.add(agent);
            String until = down.retryAt() == null ? "" : " (it asked to wait until " + HHMM.format(down.retryAt())
                    + "; no drafts are asked for before then)";
            return new NoDrafts(Why.UNAVAILABLE, first ? "No drafts for now: the language model " + down.reason().words()
                    + until + ". The templates are here as usual; you will not be told again until it is back." : null);
        }
        told.clear(); // it answers again: the next outage is news to everyone
        LanguageModel.Answered answered = (LanguageModel.Answered) answer;
        List<String> written = split(answered.text(), answered.cutShort());
        DraftGuard.Allowed allowed = guard.allowed(facts, view.mention().author().handle(), view.mention().text());
        List<String> kept = new ArrayList<>();
        for (String draft : written) {
            String fitted = fit(draft);
            if (fitted != null && guard.problems(fitted, allowed).isEmpty() && kept.size() < MAX_DRAFTS) {
                kept.add(fitted);
            }
        }
        if (kept.isEmpty()) {
            return new NoDrafts(Why.NONE_PASSED, "No drafts this time: what the model wrote did not pass the checks "
                    + "(length, links, handles, phone numbers). Use a template or write your own.");
        }
        Drafted drafted = new Drafted(kept, written.size() - kept.size());
        if (cache.size() > 10_000) {
            cache.values().removeIf(c -> !c.at().plus(cacheFor).isAfter(now));
        }
        cache.put(view.c().key(), new Cached(now, grounds, drafted));
        return drafted;
    }

    String caseMessage(CaseView view) {
        Mention m = view.mention();
        TriageDecision d = view.decision();
        String thread = m.inReplyTo() == null ? "none" : mentions.apply(io.socialbot.mention.MentionKey.of(m.source(),
                m.inReplyTo())).map(p -> "@" + p.author().handle() + ": " + inert(p.text())).orElse("not known");
        return templates.render(CASE, Map.of(
                "handle", m.author().handle(),
                "priority", d.priority() == null ? "not set" : d.priority().name(),
                "themes", d.themes().isEmpty() ? "none" : String.join(", ", d.themes()),
                "sentiment", d.sentiment() == null ? "not known" : d.sentiment().label().name().toLowerCase(),
                "cluster", String.valueOf(d.cluster() == null ? 1 : d.cluster().size()),
                "thread", thread,
                "text", inert(m.text())));
    }

    /** Customer text cannot close the markers it is put between. */
    private static String inert(String text) {
        return text.replace('<', '\u2039').replace('>', '\u203A');
    }

    static List<String> split(String text, boolean cutShort) {
        String[] parts = SEPARATOR.split(text.strip());
        if (parts.length == 1 && NUMBERED.matcher(text).find()) {
            parts = NUMBERED.split(text.strip());
        }
        Set<String> drafts = new LinkedHashSet<>();
        for (int i = 0; i < parts.length; i++) {
            String d = parts[i].strip().replaceFirst("(?i)^draft\\s*\\d*\\s*[:.)-]\\s*", "");
            if (d.length() > 1 && d.startsWith("\"") && d.endsWith("\"")) {
                d = d.substring(1, d.length() - 1).strip();
            }
            boolean unfinished = cutShort && i == parts.length - 1 && !d.matches("(?s).*[.!?)\\p{So}]$");
            if (!d.isBlank() && !unfinished) {
                drafts.add(d); // the model stopped at its token limit mid-draft: never show half a sentence
            }
        }
        return List.copyOf(drafts);
    }

    /** The draft, cut back to whole sentences that fit X's limit, or null when nothing sensible fits. */
    String fit(String draft) {
        if (length.problem(draft) == null) {
            return draft;
        }
        String[] sentences = SENTENCE_END.split(draft);
        StringBuilder kept = new StringBuilder();
        for (String s : sentences) {
            String next = kept.length() == 0 ? s : kept + " " + s;
            if (length.problem(next) != null) {
                break;
            }
            kept.setLength(0);
            kept.append(next);
        }
        return kept.length() >= SHORTEST && length.problem(kept.toString()) == null ? kept.toString() : null;
    }
}
