package io.socialbot.incident.web;

import static io.socialbot.incident.web.IncidentPageView.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.incident.IncidentMentionCounter;
import io.socialbot.incident.IncidentStore;
import io.socialbot.stats.CaseTimelineStore;
import io.socialbot.support.MutableClock;
import io.socialbot.support.slack.SignedSlackRequests;
import io.socialbot.support.slack.SlackApiStub;
import io.socialbot.triage.SentimentLabels;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole bot over HTTP with Slack pointed at a local stub, the page opened in headless Chromium from the link
 * {@code /incident page} answered with. Figures are checked against {@code /digest} and against counts made here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext // its schedules would go on calling the closed Slack stub, and it holds a fixed port
class IncidentPageBrowserTest {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final MutableClock CLOCK = new MutableClock(NOW);
    static final SlackApiStub SLACK = new SlackApiStub();
    static final int PORT = IncidentPageBotSettings.freePort();
    static final String SECRET = "page-secret-for-tests-" + UUID.randomUUID();
    static final Path SCREENSHOTS = Path.of("target", "incident-page");

    static ChromeDriver browser;
    static IncidentPageView view;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IncidentPageBotSettings.register(registry, PORT, SLACK, SECRET);
    }

    @TestConfiguration
    static class FixedTime {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    IncidentStore incidents;
    @Autowired
    IncidentMentionCounter counter;
    @Autowired
    CaseTimelineStore cases;
    @Autowired
    SentimentLabels labels;

    final IncidentPageClient client = new IncidentPageClient(PORT, SLACK, CLOCK);
    static boolean seeded;

    @BeforeAll
    static void startBrowser() {
        browser = Browsers.chromium(1280, 1000);
        view = new IncidentPageView(browser);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        SLACK.close();
    }

    @BeforeEach
    void seedOnce() {
        CLOCK.set(NOW);
        if (seeded) {
            return;
        }
        seeded = true;
        IncidentPageSeed.incidents(incidents);
        IncidentPageSeed.mentions(counter);
        IncidentPageSeed.cases(cases);
        IncidentPageSeed.labels(labels);
        incidents.addUpdate("Engineers found the fault <b>and</b> are restoring service", "ULEAD",
                Instant.parse("2026-03-02T11:45:00Z"));
    }

    @AfterEach
    void resetClock() {
        CLOCK.set(NOW);
    }

    @Test
    void thePageShowsTheFiguresOfDigestForTheSameIncident() throws Exception {
        view.open(client.link("ULEAD"));
        String digest = client.digest();

        // independent counts of what Seed put into the hour 11:00-12:00
        assertThat(view.figure("mentions")).isEqualTo(String.valueOf(IncidentPageSeed.HOUR11.total())).isEqualTo("12");
        assertThat(digest).contains("12 relevant mentions from 12 people (0 retweets)", "vs the hours before (20)",
                "Left out as spam or not about us: 0");
        assertThat(view.figure("not-relevant")).isEqualTo("0");
        assertThat(view.figure("authors")).isEqualTo("12");
        assertThat(view.figure("previous")).isEqualTo("20");
        assertThat(view.figure("change")).isEqualTo("-40%");
        assertThat(view.figure("total-mentions")).isEqualTo("37");
        assertThat(digest).contains("Since the start: 37 mentions");
        assertThat(view.figure("negative")).isEqualTo("50%");
        assertThat(view.figure("neutral")).isEqualTo("25%");
        assertThat(view.figure("positive")).isEqualTo("25%");
        assertThat(digest).contains("50% negative · 25% neutral · 25% positive");
        // the incident began at 09:20, so its first hour is partial (starred); 09:00 had 5 mentions, under the
        // trend minimum of 10, so neither view claims a trend
        assertThat(view.figure("trend-line")).isEqualTo("100%* → 70% → 50%");
        assertThat(digest).contains("100% of 5* → 70% of 20 → 50% of 12");
        assertThat(view.figure("trend")).isEqualTo("Too few mentions to read a trend: each hour compared needs at least 10.");
        assertThat(digest).contains(view.figure("trend"));
        assertThat(view.figure("checked")).isEqualTo("Checked by people: 3 posts labelled since the start, triage "
                + "agreed on 2 (67%). Most often it read negative where people said neutral (1).");
        assertThat(digest).contains(view.figure("checked"));
        assertThat(view.figure("window")).isEqualTo("Mon 2 Mar 2026 11:00–12:00 (Europe/London)");
        assertThat(digest).contains("digest for " + view.figure("window"));
        assertThat(view.figure("updated")).isEqualTo("2026-03-02 12:00:00 GMT");

        // the chart's numbers, hour by hour, as seeded
        var rows = browser.findElements(By.cssSelector("#hours tbody tr")).stream()
                .map(r -> String.join(" ", r.findElements(By.cssSelector("th, td")).stream()
                        .map(c -> c.getAttribute("textContent").strip()).toList())).toList();
        assertThat(rows).containsExactly(
                row(IncidentPageSeed.HOUR09, "09:00*"), row(IncidentPageSeed.HOUR10, "10:00"), row(IncidentPageSeed.HOUR11, "11:00"));
        assertThat(rows).containsExactly("09:00* 5 0 0 5", "10:00 14 4 2 20", "11:00 6 3 3 12");
        assertThat(browser.findElements(By.cssSelector("svg.bars g"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("svg.bars g title")).get(1).getAttribute("textContent"))
                .isEqualTo("10:00: 20 mentions, 14 negative, 4 neutral, 2 positive");

        // themes, voices (press first) and waves
        assertThat(view.texts("#themes li .theme")).containsExactly("outage", "a-script", "b-img", "c-link", "d-rtl",
                "e-svg", "f-template");
        assertThat(view.texts("#themes li .count")).containsExactly("12", "1", "1", "1", "1", "1", "1");
        assertThat(digest).contains("*outage*: 12", "*a-script*: 1", "*f-template*: 1");
        assertThat(view.texts("#voices li.press .handle")).containsExactly("newsdesk");
        assertThat(view.texts("#voices li .handle")).contains(IncidentPageSeed.HOSTILE_HANDLE);
        assertThat(digest).contains("press @newsdesk (reach 500000)");
        assertThat(view.texts("#clusters .size")).containsExactly("4");
        assertThat(digest).contains("retweet wave of 4 posts");

        // queue and response times: Seed's four cases, worked out by hand in IncidentPageSeed.cases
        assertThat(view.text("[data-priority=P1] .unclaimed")).isEqualTo("1");
        assertThat(view.text("[data-priority=P1] .open")).isEqualTo("1");
        assertThat(view.text("[data-priority=P2] .open")).isEqualTo("1");
        assertThat(view.text("[data-priority=P3] .open")).isEqualTo("1");
        assertThat(digest).contains("Unclaimed: 1 (P1 1). Open: 3 (P1 1, P2 1, P3 1)");
        assertThat(view.figure("oldest")).isEqualTo("x:c3");
        assertThat(view.figure("oldest-waiting")).isEqualTo("40 m");
        assertThat(digest).contains("Longest waiting: x:c3 (P1, safety: a person must answer), waiting 40 m");
        assertThat(view.figure("waiting")).isEqualTo("2 (1 safety)");
        assertThat(view.figure("cases")).isEqualTo("4");
        // Seed's claims 5/5/20 m and first replies 15/15/40 m: medians and nearest-rank p90s by hand
        assertThat(view.text("[data-priority=all] .median")).isEqualTo("5 m");
        assertThat(view.text("[data-priority=all] .p90")).isEqualTo("20 m");
        assertThat(view.text("[data-priority=all] .reply-median")).isEqualTo("15 m");
        assertThat(view.text("[data-priority=all] .reply-p90")).isEqualTo("40 m");
        assertThat(view.texts("#response tbody th")).containsExactly("P1", "P2", "P3", "all");
        assertThat(view.text("[data-priority=all] .breaches span")).isEqualTo("1");
        assertThat(view.text("tr[data-priority=P1] .breaches span")).isEqualTo("1");
        assertThat(digest).contains("4 new cases. Time to claim: median 5 m, p90 20 m. Time to first answer: median "
                + "15 m, p90 40 m; 0 first answered by a status-update broadcast. Past their priority's target: 1 "
                + "(P1 1/1, P2 0/2, P3 0/1)");
        assertThat(view.figure("update")).isEqualTo("Engineers found the fault <b>and</b> are restoring service");

        Browsers.screenshots(browser, SCREENSHOTS);
    }

    @Test
    void hostileMentionTextsAreShownAsTextAndNoScriptRuns() throws Exception {
        view.open(client.link("ULEAD"));
        assertThat(browser.getTitle()).isEqualTo("outage · live incident page");
        assertThat(browser.executeScript("return typeof window.pwned")).isEqualTo("undefined");
        List<LogEntry> console = browser.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(console).as("console (CSP violations would show here)")
                .noneMatch(e -> e.getMessage().contains("Content Security Policy"));
        assertThat(browser.findElements(By.cssSelector("script"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("main img, main a, main svg[onload], main iframe"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[onerror], [onload], [href^='javascript']"))).isEmpty();
        String page = browser.findElement(By.tagName("main")).getText();
        // a text is the example of one theme only (the digest's rule), so each hostile text shows once
        assertThat(view.texts("#themes .example")).containsExactlyElementsOf(IncidentPageSeed.HOSTILE);
        assertThat(page).contains(IncidentPageSeed.HOSTILE_HANDLE, "<b>and</b>");
        assertThat(browser.findElement(By.cssSelector("#themes .example")).getCssValue("unicode-bidi"))
                .isEqualTo("isolate");

        // the markup went over the wire escaped, not merely stopped by the CSP
        String source = client.get(browser.getCurrentUrl()).body();
        IncidentPageSeed.HOSTILE.stream().filter(t -> t.contains("<")).forEach(t -> assertThat(source).doesNotContain(t));
        assertThat(source).contains("&lt;script&gt;document.title=&#39;PWNED&#39;");
    }

    @Test
    void expiredTamperedRevokedAndOtherIncidentLinksGet403() throws Exception {
        String link = client.link("ULEAD");
        assertThat(client.get(link).statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("(.*/incident-page/)outage\\?t=(\\d+)\\.(\\d+)\\.(.+)").matcher(link);
        assertThat(m.matches()).isTrue();
        String base = m.group(1);
        long expiry = Long.parseLong(m.group(3));
        String sig = m.group(4);
        char last = sig.charAt(sig.length() - 1);
        List<String> refused = List.of(
                base + "earlier?t=" + m.group(2) + "." + expiry + "." + sig,
                base + "outage?t=" + m.group(2) + "." + (expiry + 3600) + "." + sig,
                base + "outage?t=" + (Long.parseLong(m.group(2)) + 1) + "." + expiry + "." + sig,
                base + "outage?t=" + m.group(2) + "." + expiry + "." + sig.substring(0, sig.length() - 1)
                        + (last == 'A' ? 'B' : 'A'),
                base + "outage",
                base + "outage?t=",
                base + "outage/extra?t=" + m.group(2) + "." + expiry + "." + sig);
        for (String bad : refused) {
            var response = client.get(bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(403);
            assertThat(response.body()).as(bad).doesNotContain("outage", "mentions");
            assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        }

        CLOCK.advance(Duration.ofHours(2));
        assertThat(client.get(link).statusCode()).as("expired").isEqualTo(403);
        CLOCK.set(NOW);
        assertThat(client.get(link).statusCode()).isEqualTo(200);

        var ack = client.command("/incident", "page revoke", "ULEAD");
        assertThat(ack).contains("now gets 403");
        assertThat(client.get(link).statusCode()).as("revoked").isEqualTo(403);
        String fresh = client.link("ULEAD");
        assertThat(fresh).isNotEqualTo(link);
        assertThat(client.get(fresh).statusCode()).isEqualTo(200);
        view.open(fresh);
        assertThat(view.figure("mentions")).isEqualTo("12");
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoSecret() throws Exception {
        String link = client.link("ULEAD");
        for (String url : List.of(link, link.replaceFirst("\\?t=.*", "?t=x"),
                "http://127.0.0.1:" + PORT + "/incident-page/assets/page.css")) {
            var r = client.get(url);
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; "
                    + "img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(r.body()).doesNotContain(SECRET, "xoxb-", SignedSlackRequests.SIGNING_SECRET);
        }
        assertThat(client.get(link).body()).contains("<meta http-equiv=\"refresh\" content=\"30\">")
                .doesNotContain("<script");
    }

    @Test
    void onlyLeadsGetALink() throws Exception {
        assertThat(client.command("/incident", "page", "UAGENT")).contains("needs the lead role").doesNotContain("t=");
        assertThat(client.command("/incident", "page", "UNOBODY")).contains("needs the lead role");
    }
}
