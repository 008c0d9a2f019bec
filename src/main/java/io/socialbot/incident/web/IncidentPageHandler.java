package io.socialbot.incident.web;

import io.socialbot.incident.DigestComposer;
import io.socialbot.incident.DigestFigures;
import io.socialbot.incident.DigestRequest;
import io.socialbot.incident.Incident;
import io.socialbot.incident.IncidentPageLinks;
import io.socialbot.incident.IncidentPageProperties;
import io.socialbot.incident.IncidentProperties;
import io.socialbot.incident.IncidentStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /incident-page/{incident}?t=<token>}: the live page, from the same figures as {@code /digest} of the last
 * hour. Any refused link is 403 (the visitor learns nothing about why); a Redis failure is 503 with Retry-After.
 */
final class IncidentPageHandler {

    private static final Logger log = LoggerFactory.getLogger(IncidentPageHandler.class);

    private final IncidentPageLinks links;
    private final IncidentStore incidents;
    private final DigestComposer composer;
    private final IncidentProperties incidentProperties;
    private final IncidentPageProperties pageProperties;
    private final Clock clock;
    private final byte[] css;

    IncidentPageHandler(IncidentPageLinks links, IncidentStore incidents, DigestComposer composer,
                        IncidentProperties incidentProperties,
                        IncidentPageProperties pageProperties, Clock clock) {
        this.links = links;
        this.incidents = incidents;
        this.composer = composer;
        this.incidentProperties = incidentProperties;
        this.pageProperties = pageProperties;
        this.clock = clock;
        try (InputStream in = IncidentPageHandler.class.getResourceAsStream("/incident-page/page.css")) {
            if (in == null) {
                throw new IllegalStateException("incident-page/page.css is missing from the jar");
            }
            this.css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ServerResponse page(ServerRequest request) {
        String name = request.pathVariable("incident");
        try {
            IncidentPageLinks.Check check = links.check(name, request.param("t").orElse(null));
            if (check instanceof IncidentPageLinks.Refused refused) {
                // never the token: it is the credential
                log.info("Incident page refused for {}: {}", name.replaceAll("[^A-Za-z0-9._-]", "?"), refused.reason());
                return refused();
            }
            Optional<Incident> incident = incidents.find(name);
            if (incident.isEmpty()) {
                return refused();
            }
            DigestRequest window = DigestRequest.parse("", clock.instant(), incidentProperties.zone());
            DigestFigures figures = composer.figures(incident.get(), window.from(), window.to(), null);
            PageView view = PageView.of(figures, clock.instant(), pageProperties.refresh(),
                    composer.trendSentence(figures), composer.checkedSentence(figures));
            return ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .render("incident-page/page", Map.of("page", view, "running", incident.get().running()));
        } catch (RuntimeException e) {
            // Redis down or a bad counter: say so and let the page's refresh try again, never a 500
            log.warn("Incident page for {} could not be made: {}", name.replaceAll("[^A-Za-z0-9._-]", "?"),
                    e.toString());
            return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("The incident page cannot be read right now (its data store did not answer). "
                            + "It will be tried again in 30 s.");
        }
    }

    ServerResponse css(ServerRequest request) {
        return ServerResponse.ok().contentType(new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8))
                .body(css);
    }

    ServerResponse notFound(ServerRequest request) {
        return refused();
    }

    private static ServerResponse refused() {
        return ServerResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN)
                .body("This link does not open an incident page: it has expired, was revoked or was altered. "
                        + "Ask an incident lead for a new one (/incident page in Slack).");
    }
}
