package io.socialbot.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialbot.incident.DigestComposer;
import io.socialbot.incident.IncidentPageLinks;
import io.socialbot.incident.IncidentPageProperties;
import io.socialbot.incident.IncidentProperties;
import io.socialbot.incident.redis.RedisDigestCounts;
import io.socialbot.incident.redis.RedisIncidentStore;
import io.socialbot.incident.redis.RedisPageLinkGenerations;
import io.socialbot.platform.redis.RedisClients;
import io.socialbot.platform.redis.RedisKeys;
import io.socialbot.prompt.PromptTemplates;
import io.socialbot.stats.InMemoryCaseTimelineStore;
import io.socialbot.support.MutableClock;
import io.socialbot.support.TestRedis;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.RenderingResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import redis.clients.jedis.UnifiedJedis;

/** The handler's answers without a browser: the page, 403 for a link to an unknown incident, 503 when Redis is gone. */
class IncidentPageHandlerTest {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final IncidentPageProperties page = new IncidentPageProperties("https://bot.example.com",
            "0123456789abcdef0123456789abcdef", Duration.ofHours(1), Duration.ofSeconds(30));

    private IncidentPageHandler handler(UnifiedJedis redis, RedisKeys keys, RedisIncidentStore incidents) {
        var links = new IncidentPageLinks(page, new RedisPageLinkGenerations(redis, keys), clock);
        var composer = new DigestComposer(incidents, new RedisDigestCounts(redis, keys, Duration.ofDays(1)),
                new InMemoryCaseTimelineStore(), new PromptTemplates(null), IncidentProperties.defaults(), clock);
        return new IncidentPageHandler(links, incidents, composer, new PromptTemplates(null),
                IncidentProperties.defaults(), page, clock);
    }

    private static ServerRequest get(String incident, String url) {
        var request = new MockHttpServletRequest("GET", "/incident-page/" + incident);
        request.setQueryString(url.substring(url.indexOf('?') + 1));
        request.addParameter("t", url.substring(url.indexOf("?t=") + 3));
        request.setAttribute(org.springframework.web.servlet.function.RouterFunctions.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                java.util.Map.of("incident", incident));
        return ServerRequest.create(request, List.of(new StringHttpMessageConverter()));
    }

    @Test
    void aGoodLinkRendersThePageAndALinkToAnIncidentNeverStartedIs403() throws Exception {
        RedisKeys keys = TestRedis.freshKeys();
        var incidents = new RedisIncidentStore(TestRedis.client(), keys);
        incidents.start("outage", "C0INC", "ULEAD", NOW.minus(Duration.ofHours(2)));
        var links = new IncidentPageLinks(page, new RedisPageLinkGenerations(TestRedis.client(), keys), clock);
        var handler = handler(TestRedis.client(), keys, incidents);

        ServerResponse ok = handler.page(get("outage", links.issue("outage").url()));
        assertThat(ok.statusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((RenderingResponse) ok).name()).isEqualTo("incident-page/page");
        assertThat(((RenderingResponse) ok).model().get("page")).isInstanceOf(PageView.class);

        // correctly signed, but no such incident in the store
        assertThat(handler.page(get("ghost", links.issue("ghost").url())).statusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void redisGoneIs503WithRetryAfterNever500() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        UnifiedJedis dead = RedisClients.connect("redis://127.0.0.1:" + port, TestRedis.properties());
        RedisKeys keys = TestRedis.freshKeys();
        var handler = handler(dead, keys, new RedisIncidentStore(dead, keys));
        var links = new IncidentPageLinks(page, new RedisPageLinkGenerations(TestRedis.client(), keys), clock);
        ServerResponse r = handler.page(get("outage", links.issue("outage").url()));
        assertThat(r.statusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(r.headers().getFirst("Retry-After")).isEqualTo("30");
    }
}
