package io.socialbot.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The check on every drafted reply, whatever the model was told or the customer wrote: links and phone numbers
 * only when the facts file has them, e-mail addresses never, handles only the customer's, those in their post and
 * those in the facts. A link in the customer's own post does not count: "post this link" is how a post would
 * steer a model, and a phone number they wrote is theirs, not one to repeat in public.
 */
public final class DraftGuard {

    /** Seven or more digits, with the separators people write between them. */
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d\\s().\\-/]{5,}\\d");
    /** Anything with a scheme or www., whatever its domain: twitter-text knows only real top-level domains. */
    private static final Pattern SCHEME_LINK = Pattern.compile("(?i)\\b(?:[a-z][a-z0-9+.-]*://|www\\.)[^\\s]+");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.-]+");

    private final ReplyEntities entities;

    public DraftGuard(ReplyEntities entities) {
        this.entities = entities;
    }

    /** What the draft may carry: from the facts file, and from the customer's post and handle. */
    public record Allowed(Set<String> links, Set<String> handles, Set<String> phones) {
    }

    public Allowed allowed(String facts, String customerHandle, String customerText) {
        Set<String> handles = new java.util.HashSet<>();
        handles.add(customerHandle.toLowerCase(Locale.ROOT));
        entities.handles(customerText).forEach(h -> handles.add(h.toLowerCase(Locale.ROOT)));
        entities.handles(facts).forEach(h -> handles.add(h.toLowerCase(Locale.ROOT)));
        Set<String> links = links(facts).stream().map(DraftGuard::link).collect(Collectors.toSet());
        return new Allowed(links, handles, phones(facts).stream().map(DraftGuard::digits).collect(Collectors.toSet()));
    }

    /** Why the draft may not be shown; empty when it passes. */
    public List<String> problems(String draft, Allowed allowed) {
        List<String> problems = new ArrayList<>();
        Matcher email = EMAIL.matcher(draft);
        while (email.find()) {
            problems.add("an e-mail address (" + email.group() + ")");
        }
        String withoutEmails = EMAIL.matcher(draft).replaceAll(" ");
        for (String link : links(withoutEmails)) {
            if (!allowed.links().contains(link(link))) {
                problems.add("a link not in the facts file (" + link + ")");
            }
        }
        for (String handle : entities.handles(withoutEmails)) {
            if (!allowed.handles().contains(handle.toLowerCase(Locale.ROOT))) {
                problems.add("a handle that is not the customer's or in the facts (@" + handle + ")");
            }
        }
        for (String phone : phones(withoutEmails)) {
            if (!allowed.phones().contains(digits(phone))) {
                problems.add("a phone number not in the facts file (" + phone.strip() + ")");
            }
        }
        return problems;
    }

    private List<String> links(String text) {
        Set<String> found = new java.util.LinkedHashSet<>(entities.links(text));
        Matcher m = SCHEME_LINK.matcher(text);
        while (m.find()) {
            found.add(m.group().replaceAll("[.,;:!?)\\]]+$", ""));
        }
        return List.copyOf(found);
    }

    private static List<String> phones(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            if (digits(m.group()).length() >= 7) {
                found.add(m.group());
            }
        }
        return found;
    }

    private static String digits(String s) {
        return s.replaceAll("\\D", "");
    }

    /** A link compared without its scheme, {@code www.}, case of the host or a trailing slash. */
    private static String link(String link) {
        String s = link.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
        int slash = s.indexOf('/');
        String host = (slash < 0 ? s : s.substring(0, slash)).toLowerCase(Locale.ROOT);
        String rest = slash < 0 ? "" : s.substring(slash);
        return host + (rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest);
    }
}
