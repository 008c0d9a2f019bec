package io.socialbot.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.socialbot.support.MutableClock;
import io.socialbot.support.slack.SignedSlackRequests;
import io.socialbot.support.slack.SlackApiStub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bot as a lead's Slack and browser reach it: signed slash commands, {@code /digest}'s answer, plain GETs. */
final class IncidentPageClient {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final int port;
    private final SlackApiStub slackApi;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final SignedSlackRequests slack;

    IncidentPageClient(int port, SlackApiStub slackApi, MutableClock clock) {
        this.port = port;
        this.slackApi = slackApi;
        this.slack = new SignedSlackRequests(SignedSlackRequests.SIGNING_SECRET, clock, slackApi.responseUrl());
    }

    String link(String user) throws Exception {
        String text = command("/incident", "page", user);
        Matcher m = Pattern.compile("<(http[^|>]+)\\|open the page>").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    String command(String command, String text, String user) throws Exception {
        String body = slack.slashCommandBody(command, text, user, "C0CARE");
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        slack.headers(body).forEach((k, v) -> builder.header(k, v.get(0)));
        var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).path("text").asText();
    }

    /** {@code /digest} through Slack: the ephemeral answer the stub's response_url received. */
    String digest() throws Exception {
        int before = slackApi.calls("response_url").size();
        command("/digest", "", "ULEAD");
        var answer = slackApi.await("response_url", before + 1, WAIT).get(before).body();
        return new ObjectMapper().readTree(answer).path("text").asText();
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
