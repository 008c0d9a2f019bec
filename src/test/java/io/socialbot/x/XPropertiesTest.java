package io.socialbot.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class XPropertiesTest {

    static XProperties props(String key, String secret, String token, String tokenSecret, String bearer, String brand) {
        return new XProperties(key, secret, token, tokenSecret, bearer, brand, Duration.ofSeconds(60),
                "https://api.x.com/1.1", "https://api.x.com/2", 100, Duration.ofSeconds(30),
                Duration.ofSeconds(10), 3, Duration.ofMillis(500));
    }

    @Test
    void onOnlyWithCompleteCredentialsAndABrandId() {
        assertThat(props("", "", "", "", "", "").pollingEnabled()).isFalse();
        assertThat(props("", "", "", "", "", "").whyPollingOff()).contains("no X credentials");
        assertThat(props("k", "s", "t", "", "", "1").hasUserContext()).isFalse();
        assertThat(props("k", "s", "t", "", "", "1").pollingEnabled()).isFalse();
        assertThat(props("", "", "", "", "b", "").whyPollingOff()).contains("X_BRAND_USER_ID");
        assertThat(props("", "", "", "", "b", "1").pollingEnabled()).isTrue();
        assertThat(props("k", "s", "t", "ts", "", "1").hasUserContext()).isTrue();
    }

    @Test
    void neverPrintsSecretsAndNormalisesBaseUrls() {
        var p = props("key-1", "secret-2", "token-3", "tsecret-4", "bearer-5", "1");
        assertThat(p.toString()).doesNotContain("key-1", "secret-2", "token-3", "tsecret-4", "bearer-5");
        assertThat(p.v2BaseUrl()).isEqualTo("https://api.x.com/2/");
        assertThat(p.restBaseUrl()).isEqualTo("https://api.x.com/1.1/");
    }

    @Test
    void refusesANonNumericBrandIdAndAnOutOfRangePageSize() {
        assertThatThrownBy(() -> props("", "", "", "", "b", "@brand"))
                .hasMessageContaining("numeric X user id");
        assertThatThrownBy(() -> new XProperties(null, null, null, null, null, null, Duration.ofSeconds(1), null,
                null, 500, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ZERO))
                .hasMessageContaining("page-size");
    }

    @Test
    void theLeaseOutlivesTwoPollIntervals() {
        assertThat(XMentionPoller.leaseTtl(props("", "", "", "", "b", "1"))).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void theDefaultHostsAreTheOnesXDocuments() {
        var bound = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                        java.util.Map.of("socialbot.x.brand-user-id", "1000")))
                .bind("socialbot.x", XProperties.class).get();
        assertThat(bound.v2BaseUrl()).isEqualTo("https://api.x.com/2/");
        assertThat(bound.restBaseUrl()).isEqualTo("https://api.x.com/1.1/");
    }
}
