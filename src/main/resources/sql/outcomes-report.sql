-- `outreach report`: what outreach achieved and what it cost, per campaign and per discovery keyword
-- (GROUPING SETS: one row per campaign with every keyword, then one per campaign and keyword; the
-- column per_keyword tells them apart, since a keyword row's keyword may itself be NULL: prospects no
-- discovery query found, such as imported ones). The parameter campaignId limits it to one campaign
-- (NULL: all), since to prospects created, and discovery queries run, at or after a time (NULL: all).
--   prospects      prospects saved
--   contacted      at least one message went out (as the funnel's sent), or a stage after contact
--   replied        a person answered: a reply classed interested, not_interested, unsubscribe_request or
--                  needs_review, or a stage past contacted, or the predecessor's 'replied'
--   interested     an interested reply, or a stage from interested to link_lost
--   replies_*      reply messages recorded per class (out-of-office, auto-replies and bounces included)
--   links_live     placements live or live_nofollow; links_lost: placements lost
--   dataforseo_*   the calls and cost DataForSEO reported for the keyword's queries (a query's campaign
--                  is its job's; a job from before campaigns is the default campaign's)
--   hunter_calls   prospects Hunter answered for (its answer is kept): one domain search each; the
--                  verifier's calls are not counted here
--   llm_cost_usd   the cost the LLM reported for every draft of these prospects (redrafts included)
WITH person_reply AS (
    SELECT r.prospect_id,
           count(*) FILTER (WHERE r.class = 'interested')          AS interested,
           count(*) FILTER (WHERE r.class = 'not_interested')      AS not_interested,
           count(*) FILTER (WHERE r.class = 'out_of_office')       AS out_of_office,
           count(*) FILTER (WHERE r.class = 'unsubscribe_request') AS unsubscribe_request,
           count(*) FILTER (WHERE r.class = 'bounce')              AS bounce,
           count(*) FILTER (WHERE r.class = 'auto_reply')          AS auto_reply,
           count(*) FILTER (WHERE r.class = 'needs_review')        AS needs_review
      FROM replies r
     GROUP BY r.prospect_id
),
placement AS (
    SELECT l.prospect_id,
           count(*) FILTER (WHERE l.status IN ('live', 'live_nofollow')) AS live,
           count(*) FILTER (WHERE l.status = 'lost')                     AS lost
      FROM link_placements l
     GROUP BY l.prospect_id
),
llm AS (
    SELECT u.prospect_id, sum(u.cost_usd) AS cost_usd
      FROM llm_usage u
     WHERE u.prospect_id IS NOT NULL
     GROUP BY u.prospect_id
),
facts AS (
    SELECT p.campaign_id,
           q.keyword,
           1 AS prospects,
           CASE WHEN p.first_sent_at IS NOT NULL OR p.last_sent IS NOT NULL OR p.stage IS NOT NULL
                  OR p.outreach_status IN ('sent', 'followup_due', 'replied') THEN 1 ELSE 0 END AS contacted,
           CASE WHEN coalesce(r.interested + r.not_interested + r.unsubscribe_request + r.needs_review, 0) > 0
                  OR coalesce(p.stage, 'contacted') <> 'contacted' OR p.outreach_status = 'replied' THEN 1 ELSE 0 END AS replied,
           CASE WHEN coalesce(r.interested, 0) > 0
                  OR p.stage IN ('interested', 'negotiating', 'agreed', 'link_placed', 'link_live', 'link_lost')
                THEN 1 ELSE 0 END AS interested,
           coalesce(r.interested, 0)          AS replies_interested,
           coalesce(r.not_interested, 0)      AS replies_not_interested,
           coalesce(r.out_of_office, 0)       AS replies_out_of_office,
           coalesce(r.unsubscribe_request, 0) AS replies_unsubscribe_request,
           coalesce(r.bounce, 0)              AS replies_bounce,
           coalesce(r.auto_reply, 0)          AS replies_auto_reply,
           coalesce(r.needs_review, 0)        AS replies_needs_review,
           coalesce(l.live, 0)                AS links_live,
           coalesce(l.lost, 0)                AS links_lost,
           0                                  AS dataforseo_calls,
           CAST(0 AS numeric)                 AS dataforseo_cost_usd,
           CASE WHEN p.hunter_payload IS NOT NULL THEN 1 ELSE 0 END AS hunter_calls,
           coalesce(u.cost_usd, 0)            AS llm_cost_usd
      FROM prospects p
      LEFT JOIN discovery_queries q ON q.id = p.discovery_query_id
      LEFT JOIN person_reply r ON r.prospect_id = p.id
      LEFT JOIN placement l ON l.prospect_id = p.id
      LEFT JOIN llm u ON u.prospect_id = p.id
     WHERE (CAST(:#since AS timestamptz) IS NULL OR p.created_at >= CAST(:#since AS timestamptz))
    UNION ALL
    SELECT coalesce(j.campaign_id, CAST('00000000-0000-0000-0000-000000000001' AS uuid)),
           q.keyword,
           0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           q.api_calls,
           q.cost,
           0,
           0
      FROM discovery_queries q
      JOIN jobs j ON j.id = q.job_id
     WHERE (CAST(:#since AS timestamptz) IS NULL OR q.created_at >= CAST(:#since AS timestamptz))
)
SELECT c.name                             AS campaign,
       GROUPING(f.keyword) = 0            AS per_keyword,
       f.keyword                          AS keyword,
       sum(f.prospects)                   AS prospects,
       sum(f.contacted)                   AS contacted,
       sum(f.replied)                     AS replied,
       sum(f.interested)                  AS interested,
       sum(f.replies_interested)          AS replies_interested,
       sum(f.replies_not_interested)      AS replies_not_interested,
       sum(f.replies_out_of_office)       AS replies_out_of_office,
       sum(f.replies_unsubscribe_request) AS replies_unsubscribe_request,
       sum(f.replies_bounce)              AS replies_bounce,
       sum(f.replies_auto_reply)          AS replies_auto_reply,
       sum(f.replies_needs_review)        AS replies_needs_review,
       sum(f.links_live)                  AS links_live,
       sum(f.links_lost)                  AS links_lost,
       sum(f.dataforseo_calls)            AS dataforseo_calls,
       sum(f.dataforseo_cost_usd)         AS dataforseo_cost_usd,
       sum(f.hunter_calls)                AS hunter_calls,
       sum(f.llm_cost_usd)                AS llm_cost_usd
  FROM facts f
  JOIN campaigns c ON c.id = f.campaign_id
 WHERE CAST(:#campaignId AS uuid) IS NULL OR c.id = CAST(:#campaignId AS uuid)
 GROUP BY GROUPING SETS ((c.name), (c.name, f.keyword))
 ORDER BY c.name, GROUPING(f.keyword) DESC, f.keyword NULLS LAST
