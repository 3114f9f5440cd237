package dev.outreachpipeline.drafting.llm;

import java.math.BigDecimal;

/**
 * What the LLM calls of one draft used, retries included.
 *
 * @param calls     HTTP requests sent
 * @param tokensIn  prompt tokens the endpoint reported ({@code usage.prompt_tokens})
 * @param tokensOut answer tokens the endpoint reported ({@code usage.completion_tokens})
 * @param costUsd   the cost the endpoint reported ({@code usage.cost}, as OpenRouter and some proxies do), or
 *                  null when it reported none: a price is never guessed
 */
public record LlmUsage(int calls, int tokensIn, int tokensOut, BigDecimal costUsd) {

    public static final LlmUsage NONE = new LlmUsage(0, 0, 0, null);

    public LlmUsage plus(LlmUsage other) {
        BigDecimal cost =
                costUsd == null ? other.costUsd : other.costUsd == null ? costUsd : costUsd.add(other.costUsd);
        return new LlmUsage(calls + other.calls, tokensIn + other.tokensIn, tokensOut + other.tokensOut, cost);
    }
}
