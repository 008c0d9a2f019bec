package io.socialbot.casework.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import com.slack.api.model.Message;
import io.socialbot.casework.CaseMessages;
import io.socialbot.casework.CaseView;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Case posts through the Web API, one call per method call: no retries and no waits here (the outbox does both).
 * Each answer is classified: delivered, rate-limited (with Slack's {@code Retry-After}), not sent, unknown (a timeout
 * or 5xx after sending), refused, gone. Posts go to channel ids and carry the case in their {@code metadata}.
 */
final class SlackCaseMessages implements CaseMessages {

    private static final Logger log = LoggerFactory.getLogger(SlackCaseMessages.class);
    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{6,}");
    /** Answers after which Slack may or may not have posted. */
    private static final Set<String> MAYBE_DONE = Set.of("internal_error", "fatal_error", "request_timeout");
    /** Answers that say nothing was done and later may work. */
    private static final Set<String> NOT_DONE = Set.of("service_unavailable", "team_added_to_org", "ratelimited");
    static final int HISTORY_PAGES = 5;

    private final MethodsClient client;
    private final Map<String, String> channelIds = new ConcurrentHashMap<>();

    SlackCaseMessages(MethodsClient client) {
        this.client = client;
    }

    @Override
    public Sent post(CaseView view) {
        String channel;
        try {
            Optional<String> id = channelId(view.c().channel());
            if (id.isEmpty()) {
                return new Refused("channel_not_found");
            }
            channel = id.get();
        } catch (SlackApiException e) {
            return classify(e, false);
        } catch (IOException e) {
            return new NotSent("could not look up channel " + view.c().channel() + ": " + e.getClass().getSimpleName());
        }
        try {
            ChatPostMessageResponse r = client.chatPostMessage(q -> q.channel(channel).text(CaseBlocks.fallback(view))
                    .blocks(CaseBlocks.blocks(view)).metadata(CaseBlocks.metadata(view.c()))
                    .unfurlLinks(false).unfurlMedia(false));
            if (r.isOk()) {
                return new Delivered(r.getChannel() == null ? channel : r.getChannel(), r.getTs());
            }
            return classify(r, true);
        } catch (SlackApiException e) {
            return classify(e, true);
        } catch (IOException e) {
            return classify(e);
        }
    }

    @Override
    public Sent update(CaseView view) {
        String channel = view.c().channelId() != null ? view.c().channelId() : view.c().channel();
        try {
            SlackApiTextResponse r = client.chatUpdate(q -> q.channel(channel).ts(view.c().messageTs())
                    .text(CaseBlocks.fallback(view)).blocks(CaseBlocks.blocks(view))
                    .metadata(CaseBlocks.metadata(view.c())));
            if (r.isOk()) {
                return new Delivered(channel, view.c().messageTs());
            }
            if ("message_not_found".equals(r.getError())) {
                return new Gone();
            }
            return classify(r, false);
        } catch (SlackApiException e) {
            return classify(e, false);
        } catch (IOException e) {
            // an update is idempotent: sending it again cannot duplicate anything
            return new NotSent(e.getClass().getSimpleName());
        }
    }

    @Override
    public Found find(String channel, String caseKey, Instant since) {
        try {
            Optional<String> id = channelId(channel);
            if (id.isEmpty()) {
                return new NoPost();
            }
            String cursor = null;
            for (int page = 0; page < HISTORY_PAGES; page++) {
                String from = cursor;
                ConversationsHistoryResponse r = client.conversationsHistory(q -> q.channel(id.get())
                        .oldest(since.getEpochSecond() + ".000000").includeAllMetadata(true).limit(200).cursor(from));
                if (!r.isOk()) {
                    return new CannotLook(r.getError(), Duration.ZERO);
                }
                for (Message m : r.getMessages() == null ? List.<Message>of() : r.getMessages()) {
                    if (m.getMetadata() != null && CaseBlocks.EVENT_TYPE.equals(m.getMetadata().getEventType())
                            && m.getMetadata().getEventPayload() != null
                            && caseKey.equals(String.valueOf(m.getMetadata().getEventPayload().get("case")))) {
                        return new FoundPost(id.get(), m.getTs());
                    }
                }
                cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
                if (!r.isHasMore() || cursor == null || cursor.isBlank()) {
                    return new NoPost();
                }
            }
            return new CannotLook("more history than " + HISTORY_PAGES + " pages since the first attempt", Duration.ZERO);
        } catch (SlackApiException e) {
            Duration wait = e.getResponse().code() == 429 ? retryAfter(e) : Duration.ZERO;
            return new CannotLook("HTTP " + e.getResponse().code(), wait);
        } catch (IOException e) {
            return new CannotLook(e.getClass().getSimpleName(), Duration.ZERO);
        }
    }

    /** The id of a channel given by id or by name (looked up once with conversations.list, then remembered). */
    Optional<String> channelId(String channel) throws IOException, SlackApiException {
        String name = channel.startsWith("#") ? channel.substring(1) : channel;
        if (CHANNEL_ID.matcher(name).matches()) {
            return Optional.of(name);
        }
        String known = channelIds.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        String cursor = null;
        do {
            String from = cursor;
            ConversationsListResponse r = client.conversationsList(q -> q.excludeArchived(true).limit(1000)
                    .types(List.of(ConversationType.PUBLIC_CHANNEL, ConversationType.PRIVATE_CHANNEL)).cursor(from));
            if (!r.isOk()) {
                throw new IOException("conversations.list: " + r.getError());
            }
            for (Conversation c : r.getChannels() == null ? List.<Conversation>of() : r.getChannels()) {
                channelIds.put(c.getName(), c.getId());
            }
            cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isBlank() && !channelIds.containsKey(name));
        return Optional.ofNullable(channelIds.get(name));
    }

    private static Sent classify(SlackApiTextResponse r, boolean post) {
        String error = r.getError() == null ? "unknown_error" : r.getError();
        if ("ratelimited".equals(error)) {
            return new RateLimited(Duration.ofSeconds(1));
        }
        if (MAYBE_DONE.contains(error)) {
            return post ? new Unknown(error) : new NotSent(error);
        }
        if (NOT_DONE.contains(error)) {
            return new NotSent(error);
        }
        return new Refused(error);
    }

    private static Sent classify(SlackApiException e, boolean post) {
        int code = e.getResponse().code();
        if (code == 429) {
            return new RateLimited(retryAfter(e));
        }
        if (code >= 500) {
            return post ? new Unknown("HTTP " + code) : new NotSent("HTTP " + code);
        }
        return new Refused("HTTP " + code);
    }

    private static Sent classify(IOException e) {
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            return new NotSent(e.getClass().getSimpleName()); // never reached Slack
        }
        return new Unknown(e.getClass().getSimpleName()); // a read timeout: Slack may have it
    }

    /** Slack's {@code Retry-After} in seconds, whatever its length; 1 s when it is missing or unreadable. */
    static Duration retryAfter(SlackApiException e) {
        String value = e.getResponse().header("Retry-After");
        try {
            return value == null ? Duration.ofSeconds(1) : Duration.ofSeconds(Math.max(1, Long.parseLong(value.trim())));
        } catch (NumberFormatException ex) {
            return Duration.ofSeconds(1);
        }
    }
}
