-- `links list`, GET /api/v1/links and a single placement: each filter may be NULL (any). Newest first.
SELECT l.id::text AS id, l.prospect_id::text AS prospect_id, c.name AS campaign, l.url, l.target,
       l.anchor_expected, l.status, l.rel, l.anchor, l.http_status, l.noindex, l.canonical_elsewhere,
       l.redirects::text AS redirects, l.last_checked_at, l.next_check_at, l.checks, l.first_live_at,
       l.lost_at, l.created_at
  FROM link_placements l
  JOIN prospects p ON p.id = l.prospect_id
  JOIN campaigns c ON c.id = p.campaign_id
 WHERE (CAST(:#campaign AS text) IS NULL OR c.name = CAST(:#campaign AS text))
   AND (CAST(:#status AS text) IS NULL OR l.status = CAST(:#status AS text))
   AND (CAST(:#linkId AS uuid) IS NULL OR l.id = CAST(:#linkId AS uuid))
 ORDER BY l.created_at DESC, l.id
