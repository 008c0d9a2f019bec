package io.socialbot.triage;

import io.socialbot.mention.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A reproducible telco outage for benchmarks and replays: complaints, retweet storms, one article shared with many
 * short links, spam, a football club sharing the brand's name, emergencies, press and other languages.
 */
public final class OutageGenerator {

    private static final String[] PLACES = {"Leeds", "York", "Bristol", "Manchester", "London", "Glasgow", "Cardiff",
        "Hull", "Bath", "Derby", "Cornwall", "Devon"};
    private static final String[] COMPLAINTS = {
        "no signal in %s since 6am, whole street is down",
        "broadband down again in %s, working from home is impossible",
        "still no service in %s and nobody answers the phone",
        "third outage this month in %s, I want compensation",
        "been on hold for 2 hours, network down in %s, useless",
        "if this isn't fixed today I'm switching provider, %s has been down all day",
        "my bill says unlimited but I have had no internet in %s for 9 hours",
        "any update on the outage in %s? status page says nothing",
        "can't call anyone, phone says SOS only in %s",
        "no 4G no wifi nothing in %s, is there a mast down?",
    };
    private static final String[] EMERGENCIES = {
        "my elderly mum has a medical alarm and the line is dead in %s, she can't call 999",
        "tried to call an ambulance for my dad in %s and couldn't get through, this is dangerous",
        "I'm a carer and my client's telecare pendant alarm is offline in %s",
    };
    private static final String[] SPAM = {
        "GIVEAWAY! Follow and RT to win a free phone #%s",
        "Earn per day from home with crypto, DM for promo %s",
        "win a free iPhone, click the link in bio %s",
    };
    private static final String[] SAME_NAME = {
        "Come on Brandtel FC! Three points at %s today",
        "Brandtel United away at %s, what a match",
    };
    private static final String[] OTHER_LANGUAGES = {
        "nl|geen bereik in %s sinds vanochtend, wanneer is het opgelost?",
        "es|sin cobertura en %s desde esta mañana, nadie contesta",
        "fr|pas de réseau à %s depuis ce matin, c'est inadmissible",
        "de|kein Netz in %s seit heute morgen, niemand geht ans Telefon",
    };
    private static final String[] PRESS = {
        "journalist at the Evening Post here, writing a piece on the outage in %s, can your press office comment?",
        "I'm taking this to Ofcom and the ombudsman, no service in %s for two days",
    };
    private static final String[] OPENERS = {"", "hey", "seriously", "again?", "morning,", "ok so", "right,",
        "for real", "ugh", "please help,"};
    private static final String[] CLOSERS = {"", "any news?", "fix it", "when will it be back?", "so annoying",
        "I pay for this", "day 2", "help", "come on", "not good enough"};
    private static final String ARTICLE = "BrandTel outage leaves thousands in %s unable to call 999, regulator asks for answers";

    private OutageGenerator() {
    }

    /** {@code count} mentions over {@code span} from {@code start}, the same for the same seed. */
    public static List<Mention> generate(int count, long seed, Instant start, Duration span, String brandHandle) {
        SplittableRandom random = new SplittableRandom(seed);
        Random zipf = new Random(seed);
        List<Mention> out = new ArrayList<>(count);
        List<Mention> originals = new ArrayList<>();
        String handle = brandHandle.startsWith("@") ? brandHandle : "@" + brandHandle;
        long spanMs = Math.max(1, span.toMillis());
        for (int i = 0; i < count; i++) {
            Instant at = start.plusMillis(spanMs * i / count);
            String id = Long.toString(1_900_000_000_000_000_000L + i);
            String place = PLACES[random.nextInt(PLACES.length)];
            int roll = random.nextInt(1000);
            long followers = (long) Math.exp(random.nextDouble() * random.nextDouble() * 13.0);
            boolean verified = followers > 200_000 && random.nextInt(3) == 0;
            String user = "user" + random.nextInt(50_000);
            String text;
            String lang = null;
            String retweetOf = null;
            if (roll < 400 && !originals.isEmpty()) {
                // retweet storms: a few originals take most retweets
                int pick = (int) Math.min(originals.size() - 1, Math.abs(zipf.nextGaussian()) * 4);
                Mention original = originals.get(originals.size() - 1 - pick);
                retweetOf = original.id();
                text = "RT @" + original.author().handle() + ": " + original.text();
            } else if (roll < 550) {
                text = String.format(ARTICLE, "the North") + " https://t.co/" + Long.toString(random.nextLong() >>> 30, 36)
                        + (random.nextBoolean() ? " via @newsdesk" : " " + handle);
            } else if (roll < 600) {
                text = String.format(SPAM[random.nextInt(SPAM.length)], place) + " " + handle;
            } else if (roll < 620) {
                text = String.format(SAME_NAME[random.nextInt(SAME_NAME.length)], place);
            } else if (roll < 630) {
                text = handle + " " + String.format(EMERGENCIES[random.nextInt(EMERGENCIES.length)], place);
            } else if (roll < 635) {
                text = handle + " " + String.format(PRESS[random.nextInt(PRESS.length)], place);
            } else if (roll < 685) {
                String[] parts = OTHER_LANGUAGES[random.nextInt(OTHER_LANGUAGES.length)].split("\\|", 2);
                text = handle + " " + String.format(parts[1], place);
                lang = random.nextBoolean() ? parts[0] : null;
            } else {
                // people word the same trouble differently: only some complaints are near-copies of others
                text = handle + " " + OPENERS[random.nextInt(OPENERS.length)] + " "
                        + String.format(COMPLAINTS[random.nextInt(COMPLAINTS.length)], place) + " "
                        + CLOSERS[random.nextInt(CLOSERS.length)] + (random.nextInt(3) == 0 ? "!!" : "");
            }
            Mention m = new Mention(id, "twitter", at, text,
                    new Mention.Author("u" + user, user, user, followers, verified), null, lang, retweetOf, null,
                    new Mention.Metrics(random.nextInt(4) == 0 ? random.nextInt(500) : 0, random.nextInt(50)));
            out.add(m);
            if (retweetOf == null && roll >= 685) {
                originals.add(m);
            }
        }
        return out;
    }
}
