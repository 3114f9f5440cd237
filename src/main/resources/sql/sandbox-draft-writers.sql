-- `sandbox --writer llm`: the drafts by writer, the template's by the reason the LLM's draft was not
-- used (the note up to its first colon: "llm quality gate 'grounded'", "llm NO_SIGNAL", …).
SELECT CASE WHEN draft_writer = 'llm' THEN 'llm'
            ELSE coalesce(split_part(draft_writer_note, ':', 1), 'template') END AS writer,
       count(*)::int AS drafts
  FROM prospects
 WHERE draft_writer IS NOT NULL
 GROUP BY 1
 ORDER BY 2 DESC, 1
