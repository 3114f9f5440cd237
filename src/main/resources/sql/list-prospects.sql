-- `prospects list`: best score first; a null status or minimum score means any.
-- Parameters: status, status, min score, min score, limit.
SELECT id::text AS id, domain, page_url, page_title, contact_email, contact_method, score, outreach_status,
       last_sent, followups_sent, draft_subject, created_at
  FROM prospects
 WHERE (CAST(? AS text) IS NULL OR outreach_status = ?)
   AND (CAST(? AS numeric) IS NULL OR score >= CAST(? AS numeric))
 ORDER BY score DESC NULLS LAST, created_at, id
 LIMIT ?
