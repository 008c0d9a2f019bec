package io.socialbot.triage;

import io.socialbot.mention.Mention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** Shared test material: the shipped YAML bound as Spring binds it, simple classifiers, mention builders. */
public final class TriageFixtures {

    public static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private TriageFixtures() {
    }

    /** {@code config/triage.yml} bound exactly as the application binds it. */
    public static TriageProperties shippedSettings() {
        try {
            PropertySource<?> yaml = new YamlPropertySourceLoader()
                    .load("triage", new ClassPathResource("config/triage.yml")).get(0);
            return new Binder(ConfigurationPropertySources.from(yaml))
                    .bind("socialbot.triage", TriageProperties.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Says "en" unless the text has a Dutch, Spanish or French marker word. */
    public static LanguageIdentifier languages() {
        return text -> {
            String t = " " + text.toLowerCase() + " ";
            if (t.contains(" geen ") || t.contains(" het ")) {
                return Optional.of("nl");
            }
            if (t.contains(" sin ") || t.contains(" el ")) {
                return Optional.of("es");
            }
            if (t.contains(" pas ") || t.contains(" le ")) {
                return Optional.of("fr");
            }
            return Optional.of("en");
        };
    }

    /** Negative -0.8 when the text shouts or complains, positive 0.7 on thanks, else neutral. */
    public static SentimentClassifier sentiments() {
        return text -> {
            String t = text.toLowerCase();
            if (t.contains("!") || t.contains("down") || t.contains("no signal") || t.contains("useless")) {
                return new TriageDecision.Sentiment(TriageDecision.Sentiment.Label.NEGATIVE, -0.8);
            }
            if (t.contains("thank")) {
                return new TriageDecision.Sentiment(TriageDecision.Sentiment.Label.POSITIVE, 0.7);
            }
            return new TriageDecision.Sentiment(TriageDecision.Sentiment.Label.NEUTRAL, 0.0);
        };
    }

    public static Mention mention(String id, String text) {
        return mention(id, text, "user" + id, 10, false);
    }

    public static Mention mention(String id, String text, String handle, long followers, boolean verified) {
        return new Mention(id, "twitter", T0, text, new Mention.Author("a" + handle, handle, handle, followers, verified),
                null, null, null, null, Mention.Metrics.NONE);
    }

    public static Mention at(Mention m, Instant createdAt) {
        return new Mention(m.id(), m.source(), createdAt, m.text(), m.author(), m.url(), m.lang(), m.retweetOf(),
                m.inReplyTo(), m.metrics());
    }

    public static Mention retweet(String id, String originalId, String text) {
        Mention m = mention(id, text);
        return new Mention(m.id(), m.source(), m.createdAt(), m.text(), m.author(), null, null, originalId, null,
                Mention.Metrics.NONE);
    }

    public static Mention withLang(Mention m, String lang) {
        return new Mention(m.id(), m.source(), m.createdAt(), m.text(), m.author(), m.url(), lang, m.retweetOf(),
                m.inReplyTo(), m.metrics());
    }

    /** A clock the test moves by hand. */
}
