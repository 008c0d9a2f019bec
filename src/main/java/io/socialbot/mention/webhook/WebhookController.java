package io.socialbot.mention.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialbot.mention.IngestSummary;
import io.socialbot.mention.Mention;
import io.socialbot.mention.MentionJson;
import io.socialbot.mention.MentionProperties;
import io.socialbot.mention.MentionStore;
import io.socialbot.mention.StoreUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhook/mentions} for listening tools. A batch is all or nothing: 202 only once every mention in it
 * is stored (re-sending the same ids is harmless), 400 naming the first bad item and field, 401, 413, 503.
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final int STORE_CHUNK = 500;

    private final MentionStore store;
    private final MentionProperties.Webhook settings;
    private final Optional<WebhookSignature> signature;
    private io.micrometer.core.instrument.MeterRegistry meters =
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setMeters(io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
    }

    @org.springframework.beans.factory.annotation.Autowired
    WebhookController(MentionStore store, MentionProperties properties, java.time.Clock clock) {
        this(store, properties.webhook(), signature(properties.webhook().secret(), clock));
    }

    WebhookController(MentionStore store, MentionProperties.Webhook settings, Optional<WebhookSignature> signature) {
        this.store = store;
        this.settings = settings;
        this.signature = signature;
    }

    @PostMapping(path = "/webhook/mentions", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        ResponseEntity<String> response = handle(request);
        meters.counter("socialbot.webhook.responses", "status", String.valueOf(response.getStatusCode().value()))
                .increment();
        return response;
    }

    private ResponseEntity<String> handle(HttpServletRequest request) throws IOException {
        long limit = settings.maxBody().toBytes();
        if (request.getContentLengthLong() > limit) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, "body is larger than " + settings.maxBody());
        }
        Optional<String> unsupported = unsupportedType(request.getContentType());
        if (unsupported.isPresent()) {
            return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type " + unsupported.get() + " is not supported: "
                    + "send JSON or NDJSON (application/json, application/x-ndjson, text/plain, curl's default or none)");
        }
        byte[] body = readAtMost(request.getInputStream(), limit);
        if (body == null) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, "body is larger than " + settings.maxBody());
        }
        if (signature.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, "the webhook has no secret configured (socialbot.mention.webhook.secret)");
        }
        Optional<String> refusal = signature.get().refusal(request.getHeader(WebhookSignature.TIMESTAMP_HEADER),
                request.getHeader(WebhookSignature.SIGNATURE_HEADER), body);
        if (refusal.isPresent()) {
            log.info("Webhook request from {} refused: {}", request.getRemoteAddr(), refusal.get());
            return error(HttpStatus.UNAUTHORIZED, refusal.get());
        }
        WebhookBatch.Result parsed = WebhookBatch.parse(body, settings.maxItems());
        if (parsed instanceof WebhookBatch.Bad bad) {
            boolean tooMany = bad.reason().startsWith("more than ");
            ObjectNode node = errorBody(bad.reason());
            node.put("index", bad.index());
            if (bad.line() > 0) {
                node.put("line", bad.line());
            }
            node.put("field", bad.field());
            node.put("error", "item " + bad.index() + ": " + bad.field() + " " + bad.reason());
            return ResponseEntity.status(tooMany ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST)
                    .contentType(MediaType.APPLICATION_JSON).body(node.toString());
        }
        List<Mention> mentions = ((WebhookBatch.Ok) parsed).mentions();
        IngestSummary summary = new IngestSummary();
        ObjectNode answer = MentionJson.mapper().createObjectNode();
        ArrayNode accepted = answer.putArray("accepted");
        ArrayNode duplicates = answer.putArray("duplicates");
        try {
            for (int from = 0; from < mentions.size(); from += STORE_CHUNK) {
                List<Mention> chunk = mentions.subList(from, Math.min(mentions.size(), from + STORE_CHUNK));
                List<MentionStore.AcceptResult> results = store.acceptAll(chunk);
                for (int i = 0; i < chunk.size(); i++) {
                    summary.countRead();
                    if (results.get(i) instanceof MentionStore.Accepted) {
                        summary.countAccepted();
                        accepted.add(chunk.get(i).id());
                    } else {
                        summary.countDuplicate();
                        duplicates.add(chunk.get(i).id());
                    }
                }
            }
        } catch (StoreUnavailableException e) {
            meters.counter("socialbot.errors", "kind", "webhook-store-unavailable").increment();
            log.warn("Webhook batch of {} refused with 503: {}", mentions.size(), e.getCause() == null
                    ? e.getMessage() : e.getCause().toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(errorBody("the store cannot take the write now; nothing in this batch is confirmed, "
                            + "send it again (re-sent ids are not duplicated)").toString());
        }
        meters.counter("socialbot.mentions.in", "channel", "webhook", "result", "accepted").increment(summary.accepted());
        meters.counter("socialbot.mentions.in", "channel", "webhook", "result", "duplicate").increment(summary.duplicates());
        ObjectNode s = answer.putObject("summary");
        s.put("read", summary.read());
        s.put("accepted", summary.accepted());
        s.put("duplicates", summary.duplicates());
        s.putArray("bad_lines");
        return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).body(answer.toString());
    }

    private static Optional<WebhookSignature> signature(String secret, java.time.Clock clock) {
        if (secret == null || secret.isBlank()) {
            log.info("Webhook: no secret set (WEBHOOK_SECRET), so POST /webhook/mentions refuses every request");
            return Optional.empty();
        }
        return Optional.of(new WebhookSignature(secret, clock));
    }

    /**
     * The media type of a body this endpoint cannot read as sent (a multipart body is taken apart by the servlet
     * container before the signature could be checked), or empty for JSON, NDJSON, text, curl's default or none.
     */
    static Optional<String> unsupportedType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(java.util.Locale.ROOT);
        boolean json = type.equals("application/json") || type.endsWith("+json") || type.equals("application/x-ndjson")
                || type.equals("application/jsonl") || type.equals("application/x-jsonlines")
                || type.equals("application/jsonlines") || type.equals("text/plain")
                // what curl -d sends: the body is still read raw, as nothing here asks for form parameters
                || type.equals("application/x-www-form-urlencoded");
        if (json) {
            return Optional.empty();
        }
        String clipped = type.length() > 80 ? type.substring(0, 80) + "..." : type;
        return Optional.of(clipped.isEmpty() ? "(empty)" : clipped);
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static ResponseEntity<String> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(errorBody(message).toString());
    }

    private static ObjectNode errorBody(String message) {
        ObjectNode node = MentionJson.mapper().createObjectNode();
        node.put("error", message);
        return node;
    }
}
