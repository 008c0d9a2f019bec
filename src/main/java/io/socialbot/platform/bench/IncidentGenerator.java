package io.socialbot.platform.bench;

import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic outage for benchmarks: complaints, a celebrity retweet storm, an article shared with different short
 * links, emergencies, press, spam and other languages, over {@code hours} hours. Seeded: the same file every time.
 */
public final class IncidentGenerator {

    private static final String[] COMPLAINTS = {
        "@BrandTel still no 4G in %s, what's going on?",
        "@BrandTel no signal since 7am in %s. Working from home is impossible",
        "@BrandTel on hold for 45 minutes and nobody answers the phone in %s",
        "Is @BrandTel down for everyone? No calls, no data in %s #brandteldown",
        "@BrandTel I want compensation for today, paying for nothing in %s",
        "@BrandTel that's it, switching network. Cancel my contract. %s",
        "@BrandTel great job, a whole day without signal in %s. Thanks for nothing!",
        "@BrandTel signal back in %s! Thanks to the engineers :)",
    };
    private static final String[] PLACES = {"Bristol", "Leeds", "Cardiff", "Manchester", "London", "Glasgow", "York"};
    private static final String[] OTHER = {
        "@BrandTel al sinds vanochtend geen bereik, wanneer is dit opgelost?",
        "@BrandTel llevo todo el día sin cobertura, ¿qué pasa?",
        "@BrandTel toujours pas de réseau depuis ce matin",
        "@BrandTel seit heute Morgen kein Netz, was ist los?",
    };

    private IncidentGenerator() {
    }

    public static List<Mention> generate(int count, int hours, long seed) {
        Random random = new Random(seed);
        Instant start = Instant.parse("2026-03-02T07:00:00Z");
        long spanMs = hours * 3_600_000L;
        List<Mention> out = new ArrayList<>(count);
        String storm = null;
        for (int i = 0; i < count; i++) {
            Instant at = start.plusMillis(spanMs * i / count);
            String id = String.valueOf(1_900_000_000_000_000_000L + seed * 100_000_000L + i);
            int followers = (int) Math.min(5_000_000, Math.exp(random.nextGaussian() * 2 + 5));
            String handle = "user" + random.nextInt(count);
            double r = random.nextDouble();
            String text;
            String retweetOf = null;
            if (i == 10) {
                text = "@BrandTel day one without signal. Can't reach my family. Sort it out.";
                handle = "bigcelebrity";
                followers = 4_200_000;
                storm = "twitter:" + id;
            } else if (storm != null && r < 0.25) {
                text = "RT @bigcelebrity: @BrandTel day one without signal. Can't reach my family. Sort it out.";
                retweetOf = storm.substring("twitter:".length());
            } else if (r < 0.30) {
                text = "@BrandTel my dad relies on his medical alarm on your line and it is down. Who do I call?";
            } else if (r < 0.38) {
                text = "Millions without signal as BrandTel suffers outage https://t.co/" + Long.toString(random.nextLong() & 0xffffffffL, 36)
                        + " via @DailyTech";
            } else if (r < 0.41) {
                text = "WIN a free phone!!! Follow + RT @BrandTel giveaway https://t.co/win" + i + " #giveaway";
            } else if (r < 0.46) {
                text = OTHER[random.nextInt(OTHER.length)];
            } else {
                text = String.format(COMPLAINTS[random.nextInt(COMPLAINTS.length)], PLACES[random.nextInt(PLACES.length)]);
            }
            out.add(new Mention(id, "twitter", at, text,
                    new Mention.Author(String.valueOf(random.nextInt(1 << 30)), handle, handle, followers, followers > 1_000_000),
                    "https://twitter.com/" + handle + "/status/" + id, null, retweetOf, null,
                    new Mention.Metrics(random.nextInt(5), random.nextInt(20))));
        }
        return out;
    }

    public static Path write(Path file, int count, int hours, long seed) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Mention m : generate(count, hours, seed)) {
                w.write(MentionJson.write(m));
                w.newLine();
            }
        }
        return file;
    }
}
