package dev.outreachpipeline.drafting.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outreachpipeline.providers.ProviderCalls;
import dev.outreachpipeline.providers.ProviderHttp;
import dev.outreachpipeline.providers.ProviderJson;
import dev.outreachpipeline.providers.ProviderLimits;
import dev.outreachpipeline.providers.ProviderRetries;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An OpenAI-compatible chat-completions endpoint ({@code POST {base}/chat/completions}), called the
 * way the pipeline calls every paid provider: {@link ProviderHttp} (Apache HttpClient with its own
 * retries and redirects off) for the exchange, {@link ProviderRetries} for retrying 429, 5xx and
 * timeouts with backoff, the database-held {@link ProviderLimits#llm shared rate limiter} for
 * requests and tokens per minute, and {@link ProviderCalls} for {@code /metrics}. That is why this
 * is not openai-java or LangChain4j: each retries by itself inside the library, so a retried call
 * would be paid twice without our counting it, and neither knows our shared limiter, our
 * accounting or our masking. One path for every paid provider, tested against WireMock like
 * DataForSeoClient and HunterClient.
 *
 * <p>The key travels only in the {@code Authorization} header; no message or log line names a
 * request, its headers or the endpoint's error text, only the kind of failure.
 */
public final class LlmClient {

    static final String PROVIDER = "llm";
    static final String ENDPOINT = "chat-completions";
    static final String PATH = "/chat/completions";

    /** Low: the same facts should give much the same draft, and invention is what we least want. */
    static final double TEMPERATURE = 0.3;

    private final LlmSettings settings;
    private final ProviderHttp http;
    private final ProviderRetries retries;
    private final ProviderLimits limits;
    private final ProviderCalls providerCalls;
    private final LlmResponses responses = new LlmResponses();

    public LlmClient(LlmSettings settings, ProviderLimits limits, ProviderCalls providerCalls) {
        this.settings = settings;
        this.limits = limits;
        this.providerCalls = providerCalls;
        this.http = new ProviderHttp("the LLM", settings.baseUrl(), settings.timeout(), 4);
        this.retries =
                new ProviderRetries("LLM", settings.maxRetries(), settings.retryDelay(), settings.maxRetryDelay());
    }

    /**
     * One chat completion, retried while the answer is worth retrying.
     *
     * @param what   what is asked, for log lines ("draft for example.com")
     * @param check  run before every attempt and while waiting for a call slot; throws to stop
     * @return the last attempt's reply, with the usage of every attempt
     */
    public LlmReply complete(String what, String system, String user, Runnable check) {
        String request = request(system, user);
        // prompt tokens are about a quarter of the characters; the answer may use all it is allowed
        int estimatedTokens = (system.length() + user.length()) / 4 + settings.maxOutputTokens();
        var total = new AtomicReference<>(LlmUsage.NONE);
        LlmReply last = retries.call(
                what,
                LlmReply.Retry.class::isInstance,
                r -> r instanceof LlmReply.Retry retry ? retry.reason() : String.valueOf(r),
                check,
                () -> {
                    limits.llm(settings.requestsPerMinute(), settings.tokensPerMinute(), estimatedTokens)
                            .acquire(check);
                    LlmReply reply = send(request);
                    total.accumulateAndGet(reply.usage(), LlmUsage::plus);
                    providerCalls.record(
                            PROVIDER,
                            ENDPOINT,
                            ProviderCalls.label(reply),
                            reply.usage().costUsd() == null
                                    ? BigDecimal.ZERO
                                    : reply.usage().costUsd());
                    providerCalls.tokens(
                            PROVIDER, reply.usage().tokensIn(), reply.usage().tokensOut());
                    return reply;
                });
        return last.withUsage(total.get());
    }

    private LlmReply send(String request) {
        try {
            ProviderHttp.Answer a = http.postJson(
                    PATH,
                    request,
                    Map.of("Authorization", "Bearer " + settings.apiKey(), "Accept", "application/json"));
            return responses.classify(a.status(), a.body());
        } catch (ProviderHttp.NoAnswer e) {
            return responses.classify(LlmResponses.NO_ANSWER, "no answer: " + e.kind());
        }
    }

    /** The request body: model, the two messages, a JSON-object answer, low temperature, bounded length. */
    String request(String system, String user) {
        ObjectNode body = ProviderJson.MAPPER.createObjectNode();
        body.put("model", settings.model());
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        body.putObject("response_format").put("type", "json_object");
        body.put("temperature", TEMPERATURE);
        body.put("max_tokens", settings.maxOutputTokens());
        try {
            return ProviderJson.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request of plain strings could not be written as JSON", e);
        }
    }

    @Override
    public String toString() {
        return "LlmClient[" + settings + "]";
    }
}
