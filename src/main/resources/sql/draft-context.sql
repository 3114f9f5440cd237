-- What a draft may use about one prospect, and its campaign's name, target site and templates
-- directory (a prospect always has a campaign, prospects.campaign_id is NOT NULL). The contact's
-- full name and position come from Hunter's entry for the chosen address (enrichment stores only
-- the first name in a column); the SERP description and rank from the DataForSEO result item.
SELECT p.id::text AS id, p.domain, p.page_url, p.page_title, p.contact_email, p.contact_name,
       nullif(concat_ws(' ', nullif(btrim(h.entry ->> 'first_name'), ''), nullif(btrim(h.entry ->> 'last_name'), '')), '')
           AS contact_full_name,
       h.entry ->> 'position' AS contact_position,
       CASE WHEN json_typeof(p.dataforseo_payload) = 'object' THEN p.dataforseo_payload ->> 'description' END AS snippet,
       CASE WHEN json_typeof(p.dataforseo_payload) = 'object' THEN p.dataforseo_payload ->> 'rank_absolute' END AS serp_rank,
       q.keyword, q.location,
       c.name AS campaign_name, c.site_url AS campaign_site_url, c.templates_dir AS campaign_templates_dir
  FROM prospects p
  JOIN campaigns c ON c.id = p.campaign_id
  LEFT JOIN discovery_queries q ON q.id = p.discovery_query_id
  LEFT JOIN LATERAL (
        SELECT e AS entry
          FROM json_array_elements(CASE WHEN json_typeof(p.hunter_payload -> 'emails') = 'array'
                                        THEN p.hunter_payload -> 'emails' ELSE '[]'::json END) e
         WHERE json_typeof(e) = 'object' AND lower(e ->> 'value') = lower(p.contact_email)
         LIMIT 1) h ON true
 WHERE p.id = CAST(:#prospectId AS uuid)
