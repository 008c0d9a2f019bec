package io.socialbot.casework.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.socialbot.casework.CasePoster;
import io.socialbot.casework.CaseView;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts and updates case messages with the Web API, retrying with backoff and honouring {@code Retry-After} on 429.
 * What still fails is reported (log, and the ops channel when set) and left for the unposted-case retry.
 */
final class SlackCasePoster implements CasePoster {

    private static final Logger log = LoggerFactory.getLogger(SlackCasePoster.class);
    static final int ATTEMPTS = 4;
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final java.util.function.Supplier<MethodsClient> clients;
    private final String opsChannel;
    private final Sleeper sleeper;
    private MethodsClient client;

    /** The client is looked up on first use: the Bolt App is built after the listeners that post through it. */
    SlackCasePoster(java.util.function.Supplier<MethodsClient> clients, String opsChannel, Sleeper sleeper) {
        this.clients = clients;
        this.opsChannel = opsChannel;
        this.sleeper = sleeper;
    }

    private synchronized MethodsClient client() {
        if (client == null) {
            client = clients.get();
        }
        return client;
    }

    @Override
    public Optional<String> post(CaseView view) {
        String channel = view.c().channel();
        Optional<String> ts = call("chat.postMessage to " + channel, () -> client().chatPostMessage(r -> r
                .channel(channel).text(CaseBlocks.fallback(view)).blocksAsString(CaseBlocks.blocks(view))
                .unfurlLinks(false).unfurlMedia(false)), r -> r.getTs());
        if (ts.isEmpty()) {
            report("could not post case `" + view.c().key() + "` to " + channel + "; it will be retried");
        }
        return ts;
    }

    @Override
    public boolean update(CaseView view) {
        return call("chat.update of case " + view.c().key(), () -> client().chatUpdate(r -> r
                .channel(view.c().channel()).ts(view.c().messageTs()).text(CaseBlocks.fallback(view))
                .blocksAsString(CaseBlocks.blocks(view))), r -> "ok").isPresent();
    }

    /** One Web API call. */
    interface Call<T extends SlackApiTextResponse> {
        T run() throws IOException, SlackApiException;
    }

    <T extends SlackApiTextResponse> Optional<String> call(String what, Call<T> call,
                                                           java.util.function.Function<T, String> result) {
        Duration backoff = Duration.ofMillis(500);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Duration wait = backoff;
            try {
                T response = call.run();
                if (response.isOk()) {
                    return Optional.ofNullable(result.apply(response));
                }
                if (!"ratelimited".equals(response.getError()) && !"internal_error".equals(response.getError())
                        && !"service_unavailable".equals(response.getError())) {
                    log.warn("Slack refused {}: {}", what, response.getError());
                    return Optional.empty(); // channel_not_found, not_in_channel...: retrying will not help
                }
            } catch (SlackApiException e) {
                if (e.getResponse().code() == 429) {
                    String retryAfter = e.getResponse().header("Retry-After");
                    wait = retryAfter == null ? backoff : Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
                    log.info("Slack rate-limited {}; waiting {} s as asked", what, wait.toSeconds());
                } else if (e.getResponse().code() < 500) {
                    log.warn("Slack refused {}: HTTP {}", what, e.getResponse().code());
                    return Optional.empty();
                }
            } catch (IOException e) {
                log.info("Slack unreachable for {} (attempt {}): {}", what, attempt, e.getClass().getSimpleName());
            }
            if (attempt == ATTEMPTS || wait.compareTo(MAX_WAIT) > 0) {
                break;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backoff = backoff.multipliedBy(2);
        }
        log.warn("Gave up on {} after retries", what);
        return Optional.empty();
    }

    private void report(String message) {
        log.warn("Slack: {}", message);
        if (opsChannel != null && !opsChannel.isBlank()) {
            try {
                client().chatPostMessage(r -> r.channel(opsChannel).text(":warning: socialbot " + message));
            } catch (IOException | SlackApiException e) {
                log.warn("Slack: could not report to the ops channel either ({})", e.getClass().getSimpleName());
            }
        }
    }
}
