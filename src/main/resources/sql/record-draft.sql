UPDATE prospects
   SET outreach_status = :#status,
       draft_subject   = :#subject,
       draft_body      = :#textBody,
       draft_html      = :#htmlBody,
       draft_subject_variant      = CAST(:#subjectVariant AS smallint),
       draft_subject_variant_text = :#subjectVariantText,
       last_error      = :#lastError,
       draft_writer      = CAST(:#draftWriter AS text),
       draft_writer_note = CAST(:#draftWriterNote AS text),
       llm_calls       = CAST(:#llmCalls AS integer),
       llm_tokens_in   = CAST(:#llmTokensIn AS integer),
       llm_tokens_out  = CAST(:#llmTokensOut AS integer),
       llm_cost_usd    = CAST(:#llmCostUsd AS numeric),
       drafted_at      = CASE WHEN :#status IN ('drafted', 'approved') THEN now() ELSE drafted_at END,
       approved_at     = CASE WHEN :#status = 'approved' THEN now() ELSE approved_at END
 WHERE id = CAST(:#prospectId AS uuid) AND outreach_status = 'drafting'
