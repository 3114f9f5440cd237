-- The console's prospects of a campaign sorted by domain (A to Z): the rows and filters of
-- list-prospects.sql, paged by (domain, id) after afterDomain/afterId (a null afterId starts at the top).
SELECT p.id::text AS id, p.domain, p.page_url, p.page_title, p.contact_email, p.contact_method, p.score, p.outreach_status,
       p.last_sent, p.followups_sent, p.draft_subject, p.created_at,
       c.name AS campaign, q.keyword, q.location, p.contact_name AS contact_first_name
  FROM prospects p
  JOIN campaigns c ON c.id = p.campaign_id
  LEFT JOIN discovery_queries q ON q.id = p.discovery_query_id
 WHERE (CAST(:#status AS text) IS NULL OR p.outreach_status = CAST(:#status AS text))
   AND (CAST(:#minScore AS numeric) IS NULL OR p.score >= CAST(:#minScore AS numeric))
   AND (CAST(:#campaignId AS uuid) IS NULL OR p.campaign_id = CAST(:#campaignId AS uuid))
   AND (CAST(:#q AS text) IS NULL
        OR strpos(lower(p.domain), lower(CAST(:#q AS text))) > 0
        OR strpos(lower(coalesce(p.page_title, '')), lower(CAST(:#q AS text))) > 0
        OR strpos(lower(coalesce(p.contact_email, '')), lower(CAST(:#q AS text))) > 0
        OR strpos(lower(coalesce(p.contact_name, '')), lower(CAST(:#q AS text))) > 0)
   AND (CAST(:#afterId AS uuid) IS NULL
        OR (p.domain, p.id) > (CAST(:#afterDomain AS text), CAST(:#afterId AS uuid)))
 ORDER BY p.domain, p.id
 LIMIT CAST(:#limit AS integer)
