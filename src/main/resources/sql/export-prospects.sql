-- `prospects export`: every prospect (the columns of list-prospects.sql), best score first; a null
-- status means any. Parameters: status, status.
SELECT id::text AS id, domain, page_url, page_title, contact_email, contact_method, score, outreach_status,
       last_sent, followups_sent, draft_subject, created_at
  FROM prospects
 WHERE (CAST(? AS text) IS NULL OR outreach_status = ?)
 ORDER BY score DESC NULLS LAST, created_at, id
