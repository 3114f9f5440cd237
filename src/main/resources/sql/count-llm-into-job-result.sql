-- The LLM writer's part of a draft job's result: drafts it wrote (llm_drafts), drafts it was asked
-- for whose template draft was used instead (llm_fallbacks), and its calls and tokens. Nothing is
-- added when the LLM was not asked, so a template-only job's result stays as it was.
UPDATE jobs
   SET result = (coalesce(result::jsonb, '{}'::jsonb)
                 || jsonb_build_object(
                        CAST(:#llmOutcome AS text),
                        coalesce((result::jsonb ->> CAST(:#llmOutcome AS text))::int, 0) + 1,
                        'llm_calls', coalesce((result::jsonb ->> 'llm_calls')::int, 0) + CAST(:#llmCalls AS integer),
                        'llm_tokens_in', coalesce((result::jsonb ->> 'llm_tokens_in')::bigint, 0)
                                         + CAST(:#llmTokensIn AS integer),
                        'llm_tokens_out', coalesce((result::jsonb ->> 'llm_tokens_out')::bigint, 0)
                                          + CAST(:#llmTokensOut AS integer)))::json
 WHERE id = CAST(:#jobId AS uuid) AND CAST(:#llmOutcome AS text) IS NOT NULL
