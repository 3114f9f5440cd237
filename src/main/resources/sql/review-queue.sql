-- The console's review queue: the best drafted prospect (as `prospects list` orders them: score,
-- then age) of one campaign or all, at or above a score, less those skipped in this session (a JSON
-- array of ids); or, given an id, that prospect whatever its status. With what it pitches (the page,
-- its SERP snippet, keyword and rank), who it goes to and why, its draft, and how many wait.
SELECT p.id::text AS id, p.domain, p.outreach_status, p.page_url, p.page_title, p.score,
       p.dataforseo_payload ->> 'description' AS snippet,
       p.dataforseo_payload ->> 'rank_absolute' AS serp_rank,
       q.keyword, q.location,
       p.contact_email, p.contact_name, p.contact_method, p.contact_reason, p.contact_verification,
       p.draft_subject, p.draft_body, p.draft_html, p.drafted_at,
       c.name AS campaign, c.mailbox AS campaign_mailboxes,
       count(*) OVER () AS waiting
  FROM prospects p
  JOIN campaigns c ON c.id = p.campaign_id
  LEFT JOIN discovery_queries q ON q.id = p.discovery_query_id
 WHERE CASE WHEN CAST(:#prospectId AS uuid) IS NOT NULL THEN p.id = CAST(:#prospectId AS uuid)
            ELSE p.outreach_status = 'drafted'
                 AND (CAST(:#campaignId AS uuid) IS NULL OR p.campaign_id = CAST(:#campaignId AS uuid))
                 AND (CAST(:#minScore AS numeric) IS NULL OR p.score >= CAST(:#minScore AS numeric))
                 AND p.id::text NOT IN (SELECT json_array_elements_text(CAST(:#skipped AS json)))
       END
 ORDER BY p.score DESC NULLS LAST, p.created_at, p.id
 LIMIT 1
