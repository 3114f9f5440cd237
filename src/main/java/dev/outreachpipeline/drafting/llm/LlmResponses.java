package dev.outreachpipeline.drafting.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outreachpipeline.providers.ProviderJson;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads an OpenAI-compatible chat-completions answer ({@code choices[0].message.content} and
 * {@code usage}) into an {@link LlmReply}. An error is described by its status and the error's
 * {@code type} or {@code code} identifier only, never by its message: some endpoints repeat part of
 * the API key there ("Incorrect API key provided: sk-…").
 */
final class LlmResponses {

    /** The status the client gives an exchange that had no answer (a timeout, a refused connection). */
    static final int NO_ANSWER = 599;

    LlmReply classify(int status, String body) {
        ProviderJson json = ProviderJson.read(body);
        LlmUsage usage = usage(json);
        if (status == 200) {
            List<JsonNode> choices = json.array("choices");
            if (choices == null || choices.isEmpty()) {
                return new LlmReply.Refused("the answer has no choices", usage);
            }
            JsonNode message = choices.get(0).get("message");
            String content = ProviderJson.text(message, "content");
            if (content == null || content.isBlank()) {
                return new LlmReply.Refused("the answer's message has no content", usage);
            }
            return new LlmReply.Content(content, usage);
        }
        String reason = status == NO_ANSWER ? body : "HTTP " + status + errorKind(json);
        if (status == 408 || status == 429 || status >= 500) {
            return new LlmReply.Retry(reason, usage);
        }
        return new LlmReply.Refused(reason, usage);
    }

    /** The tokens and cost an answer reports; an answer without {@code usage} still counts as one call. */
    private static LlmUsage usage(ProviderJson json) {
        JsonNode u = json.object("usage");
        Integer in = ProviderJson.integer(u, "prompt_tokens");
        Integer out = ProviderJson.integer(u, "completion_tokens");
        BigDecimal cost = ProviderJson.decimal(u, "cost");
        return new LlmUsage(
                1, in == null ? 0 : in, out == null ? 0 : out, cost == null || cost.signum() < 0 ? null : cost);
    }

    /** " (invalid_api_key)": the error's code or type when it is a plain identifier; "" otherwise. */
    private static String errorKind(ProviderJson json) {
        JsonNode error = json.object("error");
        for (String field : List.of("code", "type")) {
            String v = ProviderJson.text(error, field);
            if (v != null && v.matches("[A-Za-z_.-]{1,60}")) {
                return " (" + v + ")";
            }
        }
        return "";
    }
}
