-- `prospects list`, `prospects export` and GET /api/v1/prospects: best score first; a null status,
-- minimum score, campaign or search means any, a null limit all. q is found, case-insensitively, in
-- the domain, the page title, the contact's address or name. afterScore/afterCreated/afterId are the
-- sort key of the last row of the page before (keyset paging; a null afterId starts at the top; a
-- null afterScore is a row without a score, which sorts last). The campaign, and the keyword and
-- location of the query that found the prospect (none for one entered otherwise), say where it came
-- from; contact_name holds the contact's first name.
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
        OR (CAST(:#afterScore AS numeric) IS NULL
            AND p.score IS NULL
            AND (p.created_at, p.id) > (CAST(:#afterCreated AS timestamptz), CAST(:#afterId AS uuid)))
        OR (CAST(:#afterScore AS numeric) IS NOT NULL
            AND (p.score IS NULL
                 OR p.score < CAST(:#afterScore AS numeric)
                 OR (p.score = CAST(:#afterScore AS numeric)
                     AND (p.created_at, p.id) > (CAST(:#afterCreated AS timestamptz), CAST(:#afterId AS uuid))))))
 ORDER BY p.score DESC NULLS LAST, p.created_at, p.id
 LIMIT CAST(:#limit AS integer)
