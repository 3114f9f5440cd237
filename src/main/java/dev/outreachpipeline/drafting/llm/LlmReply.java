package dev.outreachpipeline.drafting.llm;

/** How one chat-completions exchange ended, as {@link LlmResponses} classifies it. */
public sealed interface LlmReply {

    LlmUsage usage();

    /** The same reply with another usage (that of every attempt, not just the last). */
    LlmReply withUsage(LlmUsage all);

    /** A 200 answer with the message's content (not yet read as a draft). */
    record Content(String content, LlmUsage usage) implements LlmReply {
        @Override
        public LlmReply withUsage(LlmUsage all) {
            return new Content(content, all);
        }
    }

    /** Worth trying again: 429, 5xx, 408, or no answer at all (a timeout, a refused connection). */
    record Retry(String reason, LlmUsage usage) implements LlmReply {
        @Override
        public LlmReply withUsage(LlmUsage all) {
            return new Retry(reason, all);
        }
    }

    /** Not worth trying again: another 4xx (a wrong key or model, a refused request), or a 200 with no content. */
    record Refused(String reason, LlmUsage usage) implements LlmReply {
        @Override
        public LlmReply withUsage(LlmUsage all) {
            return new Refused(reason, all);
        }
    }
}
