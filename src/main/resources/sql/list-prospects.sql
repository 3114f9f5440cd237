-- `prospects list` and `prospects export`: best score first; a null status, minimum score or
-- campaign means any, a null limit all. The campaign, and the keyword and location of the query that
-- found the prospect (none for one entered otherwise), say where it came from; contact_name holds
-- the contact's first name. Parameters: status, status, min score, min score, campaign id, campaign
-- id, limit.
SELECT p.id::text AS id, p.domain, p.page_url, p.page_title, p.contact_email, p.contact_method, p.score, p.outreach_status,
       p.last_sent, p.followups_sent, p.draft_subject, p.created_at,
       c.name AS campaign, q.keyword, q.location, p.contact_name AS contact_first_name
  FROM prospects p
  JOIN campaigns c ON c.id = p.campaign_id
  LEFT JOIN discovery_queries q ON q.id = p.discovery_query_id
 WHERE (CAST(? AS text) IS NULL OR p.outreach_status = ?)
   AND (CAST(? AS numeric) IS NULL OR p.score >= CAST(? AS numeric))
   AND (CAST(? AS uuid) IS NULL OR p.campaign_id = CAST(? AS uuid))
 ORDER BY p.score DESC NULLS LAST, p.created_at, p.id
 LIMIT ?
