-- What the LLM calls of one draft used, one row per draft the LLM was asked for (none when the
-- templates wrote it without asking), kept when the prospect is redrafted so status can total it.
INSERT INTO llm_usage (prospect_id, job_id, calls, tokens_in, tokens_out, cost_usd, outcome)
SELECT CAST(:#prospectId AS uuid), CAST(:#jobId AS uuid), CAST(:#llmCalls AS integer),
       CAST(:#llmTokensIn AS integer), CAST(:#llmTokensOut AS integer), CAST(:#llmCostUsd AS numeric),
       CASE WHEN CAST(:#llmOutcome AS text) = 'llm_drafts' THEN 'llm' ELSE 'fallback' END
 WHERE CAST(:#llmOutcome AS text) IS NOT NULL
