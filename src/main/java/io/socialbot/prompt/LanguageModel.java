package io.socialbot.prompt;

import java.time.Instant;

/**
 * A chat-completions language model: the brand's own, behind any OpenAI-compatible endpoint (OpenAI, Azure OpenAI,
 * vLLM, Ollama, LM Studio). Optional: nothing in the bot needs one to work.
 */
public interface LanguageModel {

    /** Asks once; never throws for the model's own troubles, which come back as {@link Unavailable}. */
    ModelAnswer complete(ModelRequest request);

    /**
     * One exchange: {@code system} is ours (the voice and the rules), {@code user} carries the case, customer text
     * included, as data.
     */
    record ModelRequest(String system, String user, int maxTokens) {
    }

    /** How a call ended. */
    sealed interface ModelAnswer {
    }

    /** The model's text; {@code cutShort} when it stopped at the token limit ({@code finish_reason: length}). */
    record Answered(String text, boolean cutShort) implements ModelAnswer {
    }

    /** No usable answer; {@code retryAt} is set when the service said when to come back (429 Retry-After). */
    record Unavailable(Reason reason, String detail, Instant retryAt) implements ModelAnswer {
        public Unavailable(Reason reason, String detail) {
            this(reason, detail, null);
        }
    }

    /** Why there was no answer, in words an agent can read. */
    enum Reason {
        TIMEOUT("did not answer in time"),
        RATE_LIMITED("is over its rate limit"),
        OVER_BUDGET("reached this bot's cap on calls per minute"),
        SERVER_ERROR("answered with an error"),
        REFUSED("refused the request (check its address, key and model name)"),
        NETWORK("could not be reached"),
        MALFORMED("answered something that is not a chat completion");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }
}
