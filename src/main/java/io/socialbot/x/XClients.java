package io.socialbot.x;

import twitter4j.AlternativeHttpClientImpl;
import twitter4j.HttpClientFactory;
import twitter4j.Twitter;
import twitter4j.HttpRequest;
import twitter4j.TwitterFactory;
import twitter4j.auth.Authorization;
import twitter4j.TwitterV2;
import twitter4j.TwitterV2ExKt;
import twitter4j.V2ConfigurationKt;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;

/** Builds Twitter4J clients (with the v2 add-on) pointed at the configured base URLs. */
final class XClients {

    private XClients() {
    }

    /** A client for polling: user context when available, else the app-only bearer token. */
    static TwitterV2 forPolling(XProperties p) {
        return create(p, !p.hasUserContext());
    }

    /** A client for posting: user context only. */
    static TwitterV2 forPosting(XProperties p) {
        if (!p.hasUserContext()) {
            throw new IllegalStateException("posting needs OAuth 1.0a user context credentials");
        }
        return create(p, false);
    }

    private static TwitterV2 create(XProperties p, boolean appOnly) {
        int timeoutMillis = (int) p.httpTimeout().toMillis();
        var builder = new ConfigurationBuilder()
                .setRestBaseURL(p.restBaseUrl())
                .setHttpConnectionTimeout(timeoutMillis)
                .setHttpReadTimeout(timeoutMillis)
                // Retries are ours: a blind library retry of POST /2/tweets could double-post.
                .setHttpRetryCount(0)
                // The raw JSON is read for what the v2 add-on does not map (note_tweet, verified_type, errors).
                .setJSONStoreEnabled(true)
                .setTrimUserEnabled(false);
        if (!appOnly) {
            builder.setOAuthConsumerKey(p.apiKey())
                    .setOAuthConsumerSecret(p.apiSecret())
                    .setOAuthAccessToken(p.accessToken())
                    .setOAuthAccessTokenSecret(p.accessTokenSecret());
        }
        Configuration conf = builder.build();
        requireSingleSendHttp(conf);
        V2ConfigurationKt.getV2Configuration(conf).setBaseURL(p.v2BaseUrl());
        // Twitter4J 4.0.7 only builds bearer auth from a consumer key/secret pair; X takes the bearer token alone.
        Twitter twitter = appOnly
                ? new TwitterFactory(conf).getInstance(new BearerAuthorization(p.bearerToken()))
                : new TwitterFactory(conf).getInstance();
        return TwitterV2ExKt.getV2(twitter);
    }

    /**
     * Refuses to build a client on Twitter4J's default HTTP layer, which re-sends a POST by itself when a
     * connection drops after X took it (a second public reply).
     */
    static void requireSingleSendHttp(Configuration conf) {
        var http = HttpClientFactory.getInstance(conf.getHttpClientConfiguration());
        if (!(http instanceof AlternativeHttpClientImpl)) {
            throw new IllegalStateException("Twitter4J is not using socialbot's single-send HTTP client but "
                    + http.getClass().getName() + "; check the twitter4j.http.httpClient system property");
        }
    }

    /** App-only auth with a bearer token issued in the X developer portal. */
    private record BearerAuthorization(String token) implements Authorization {
        @Override
        public String getAuthorizationHeader(HttpRequest req) {
            return "Bearer " + token;
        }

        @Override
        public boolean isEnabled() {
            return true;
        }

        @Override
        public String toString() {
            return "BearerAuthorization[token=***]";
        }
    }
}
