package io.socialbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionJson;
import io.socialbot.mention.MentionKey;
import io.socialbot.mention.MentionStore;
import io.socialbot.mention.webhook.WebhookSignature;
import io.socialbot.support.TestRedis;
import io.socialbot.support.slack.SignedSlackRequests;
import io.socialbot.support.slack.SlackApiStub;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Seeded fuzz over real HTTP, webhook and /slack/events alike: extreme dates in every ISO form the format takes,
 * source/id pairs that used to share a key, timestamp headers out of range or not numbers, signed but malformed
 * view submissions and actions, an unreachable response_url, unsupported content types. Never a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeFuzzTest {

    static final String SECRET = "edge-fuzz-secret";
    static final SlackApiStub SLACK = new SlackApiStub();
    static final List<String> BAD_TIMESTAMPS = List.of("100000000000000000", String.valueOf(Long.MAX_VALUE),
            "-100000000000000000", String.valueOf(Long.MIN_VALUE), "99999999999999999999", "-1", "", " ", "abc",
            "1e9", "+1700000000", "0x10", "1700000000.5", "\u0661\u0667\u0660\u0660", "NaN", "17000000000000000000000");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("socialbot.redis.url", TestRedis::url);
        registry.add("socialbot.redis.namespace", () -> "ef" + UUID.randomUUID().toString().substring(0, 6));
        registry.add("socialbot.mention.replay.on-start", () -> "false");
        registry.add("socialbot.triage.worker.enabled", () -> "false");
        registry.add("socialbot.mention.webhook.secret", () -> SECRET);
        registry.add("socialbot.slack.bot-token", () -> "xoxb-edge-fuzz");
        registry.add("socialbot.slack.signing-secret", () -> SignedSlackRequests.SIGNING_SECRET);
        registry.add("socialbot.slack.api-url", SLACK::methodsUrl);
    }

    @AfterAll
    static void stop() {
        SLACK.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MentionStore store;

    private final HttpClient http = HttpClient.newHttpClient();
    private final WebhookSignature webhook = new WebhookSignature(SECRET, Clock.systemUTC());
    private final Random random = new Random(20_2026);

    @Test
    void extremeDatesInEveryIsoFormAreKeptInRangeAndRefusedNamingCreatedAtOutside() throws Exception {
        List<DateTimeFormatter> forms = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmXXX"), DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX"),
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss,SSSXXX"), DateTimeFormatter.ISO_INSTANT);
        long[] years = {-999_999_999, -10_000, -1, 0, 1, 1969, 1970, 2026, 2099, 2100, 2286, 9_999, 10_000,
                300_000_000, 999_999_999};
        int kept = 0;
        int refused = 0;
        for (int i = 0; i < 250; i++) {
            long year = years[random.nextInt(years.length)];
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 3600);
            OffsetDateTime at;
            try {
                at = OffsetDateTime.of((int) year, 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24),
                        random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000), offset);
            } catch (java.time.DateTimeException e) {
                continue;
            }
            DateTimeFormatter form = forms.get(random.nextInt(forms.size()));
            String text;
            try {
                text = form.format(form == DateTimeFormatter.ISO_INSTANT ? at.toInstant().atOffset(ZoneOffset.UTC) : at);
            } catch (java.time.DateTimeException e) {
                continue; // the instant form cannot print years beyond Instant's range
            }
            // the oracle: the instant the test built, truncated as the form prints it, against the documented range
            Instant meant = form.parse(text, Instant::from);
            boolean inRange = !meant.isBefore(MentionJson.EARLIEST) && meant.isBefore(MentionJson.END);
            String body = "{\"id\":\"date" + i + "\",\"source\":\"fuzz\",\"created_at\":\"" + text + "\",\"text\":\"x\","
                    + "\"author\":{\"handle\":\"h\"}}";
            HttpResponse<String> r = webhook(body.getBytes(StandardCharsets.UTF_8), null);
            if (inRange) {
                assertThat(r.statusCode()).as(text).isEqualTo(202);
                assertThat(store.find(MentionKey.of("fuzz", "date" + i)).orElseThrow().createdAt()).isEqualTo(meant);
                kept++;
            } else {
                assertThat(r.statusCode()).as(text).isEqualTo(400);
                assertThat(json(r).get("field").asText()).as(text).isEqualTo("created_at");
                refused++;
            }
        }
        assertThat(kept).isGreaterThan(20);
        assertThat(refused).isGreaterThan(100);
    }

    @Test
    void sourceIdPairsThatUsedToCollideAreStoredApart() throws Exception {
        String[][] pairs = {{"a:b", "c"}, {"a", "b:c"}, {"a:b:c", "d"}, {"a", "b:c:d"}, {"a%3Ab", "c"}, {"a b", "c"},
                {"a", "b c"}, {"`x`", "1"}, {"x", "`1`"}};
        for (String[] pair : pairs) {
            String body = "{\"id\":\"" + pair[1] + "\",\"source\":\"" + pair[0] + "\",\"created_at\":"
                    + "\"2026-03-02T08:15:00Z\",\"text\":\"x\",\"author\":{\"handle\":\"h\"}}";
            HttpResponse<String> r = webhook(body.getBytes(StandardCharsets.UTF_8), null);
            assertThat(r.statusCode()).isEqualTo(202);
            assertThat(json(r).get("accepted")).as("%s / %s is new", pair[0], pair[1]).hasSize(1);
        }
        for (String[] pair : pairs) {
            Mention m = store.find(MentionKey.of(pair[0], pair[1])).orElseThrow();
            assertThat(List.of(m.source(), m.id())).containsExactly(pair[0], pair[1]);
        }
    }

    @Test
    void timestampHeadersOutOfRangeOrNotNumbersGet401NeverA500() throws Exception {
        byte[] body = "{\"id\":\"t\",\"created_at\":\"2026-03-02T08:15:00Z\",\"text\":\"x\",\"author\":{\"handle\":\"h\"}}"
                .getBytes(StandardCharsets.UTF_8);
        String slackBody = new SignedSlackRequests(SLACK).slashCommandBody("/queue", "", "U0FUZZ", "C0CARE");
        for (String ts : BAD_TIMESTAMPS) {
            int hook = rawPost("/webhook/mentions", body, Map.of(
                    WebhookSignature.TIMESTAMP_HEADER, ts, WebhookSignature.SIGNATURE_HEADER, "v1=" + webhook.sign(ts, body)));
            assertThat(hook).as("webhook timestamp '%s'", ts).isEqualTo(401);
            String signature = new com.slack.api.app_backend.SlackSignature.Generator(SignedSlackRequests.SIGNING_SECRET)
                    .generate(ts, slackBody);
            int slack = rawPost("/slack/events", slackBody.getBytes(StandardCharsets.UTF_8), Map.of(
                    "Content-Type", "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp", ts,
                    "X-Slack-Signature", signature));
            assertThat(slack).as("slack timestamp '%s'", ts).isEqualTo(401);
        }
    }

    @Test
    void signedButMalformedViewSubmissionsAndActionsNeverGet5xx() throws Exception {
        SignedSlackRequests signer = new SignedSlackRequests(SignedSlackRequests.SIGNING_SECRET, Clock.systemUTC(),
                "http://127.0.0.1:1/unreachable-response-url");
        List<String> payloads = new ArrayList<>();
        for (String callback : List.of("case_reply_modal", "incident_tell_waiting_confirm")) {
            payloads.add(payloadOf(signer.viewSubmissionBody(callback, "twitter:1", "{\"reply\":{\"text\":{\"type\":"
                    + "\"plain_text_input\",\"value\":\"Sorry!\"}}}", "U0FUZZ")));
        }
        for (String action : List.of("case_claim", "case_resolve", "case_reply", "incident_tell_waiting")) {
            payloads.add(payloadOf(signer.blockActionBody(action, "twitter:1", "U0FUZZ", "C0CARE", "1700000000.0001")));
        }
        payloads.add(payloadOf(signer.selectActionBody("case_sentiment", "neutral:twitter:1", "U0FUZZ", "C0CARE",
                "1700000000.0001")));
        int checked = 0;
        for (int i = 0; i < 300; i++) {
            ObjectNode payload = (ObjectNode) MentionJson.mapper().readTree(payloads.get(random.nextInt(payloads.size())));
            mutate(payload);
            String body = "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
            HttpResponse<String> r = send("/slack/events", body.getBytes(StandardCharsets.UTF_8), flat(signer.headers(body)));
            assertThat(r.statusCode()).as("payload %s", payload).isIn(200, 400, 404, 503);
            checked++;
        }
        assertThat(checked).isEqualTo(300);
    }

    @Test
    void unsupportedContentTypesAreNamedNotCalledForgeries() throws Exception {
        SignedSlackRequests signer = new SignedSlackRequests(SLACK);
        String boundary = "----fuzz";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"command\"\r\n\r\n/queue\r\n--"
                + boundary + "--\r\n";
        Map<String, String> headers = new java.util.HashMap<>(flat(signer.headers(body)));
        headers.remove("content-type");
        headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        HttpResponse<String> slack = send("/slack/events", body.getBytes(StandardCharsets.UTF_8), headers);
        assertThat(slack.statusCode()).isEqualTo(415);
        assertThat(slack.body()).contains("multipart/form-data");

        byte[] mention = "{\"id\":\"ct\",\"created_at\":\"2026-03-02T08:15:00Z\",\"text\":\"x\",\"author\":{\"handle\":\"h\"}}"
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> hook = webhook(mention, "multipart/form-data; boundary=x");
        assertThat(hook.statusCode()).isEqualTo(415);
        assertThat(json(hook).get("error").asText()).contains("multipart/form-data");
        assertThat(webhook(mention, "application/x-ndjson").statusCode()).isEqualTo(202);
        byte[] withMark = ("\uFEFF" + new String(mention, StandardCharsets.UTF_8).replace("\"ct\"", "\"bom\""))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(webhook(withMark, "application/json").statusCode()).as("a byte-order mark is accepted").isEqualTo(202);
    }

    /** Drops a key, nulls it or swaps its type, one to three times, anywhere in the payload. */
    private void mutate(ObjectNode payload) {
        for (int k = 0; k < 1 + random.nextInt(3); k++) {
            List<ObjectNode> objects = new ArrayList<>();
            collect(payload, objects);
            ObjectNode target = objects.get(random.nextInt(objects.size()));
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty()) {
                continue;
            }
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(5)) {
                case 0 -> target.remove(name);
                case 1 -> target.putNull(name);
                case 2 -> target.put(name, 42);
                case 3 -> target.putArray(name);
                default -> target.put(name, "x".repeat(random.nextInt(3) * 3_000));
            }
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.elements().forEachRemaining(child -> collect(child, into));
    }

    private HttpResponse<String> webhook(byte[] body, String contentType) throws Exception {
        String ts = String.valueOf(Instant.now().getEpochSecond());
        Map<String, String> headers = new java.util.HashMap<>(Map.of(WebhookSignature.TIMESTAMP_HEADER, ts,
                WebhookSignature.SIGNATURE_HEADER, "v1=" + webhook.sign(ts, body)));
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return send("/webhook/mentions", body, headers);
    }

    private HttpResponse<String> send(String path, byte[] body, Map<String, String> headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST over a plain socket: header values java.net.http refuses (non-ASCII digits, blanks) are sent as bytes. */
    private int rawPost(String path, byte[] body, Map<String, String> headers) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\nContent-Length: " + body.length + "\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private static Map<String, String> flat(Map<String, List<String>> headers) {
        Map<String, String> out = new java.util.HashMap<>();
        headers.forEach((k, v) -> out.put(k, v.get(0)));
        return out;
    }

    private static String payloadOf(String body) {
        return java.net.URLDecoder.decode(body.substring("payload=".length()), StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return MentionJson.mapper().readTree(r.body());
    }
}
