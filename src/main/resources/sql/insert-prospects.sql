-- New prospects of one SERP in one statement. ON CONFLICT makes a domain another job saved a
-- moment ago (a concurrent job) a no-op instead of an error; RETURNING says which rows are new.
-- Rows go in in domain order: two jobs saving overlapping SERPs then take the unique index's
-- entries in the same order and never deadlock (in SERP order one could wait for the other's A
-- while holding its B).
INSERT INTO prospects (domain, page_url, page_title, dataforseo_payload, discovery_query_id, outreach_status)
SELECT r.domain, r.page_url, r.page_title, r.payload, CAST(:#queryId AS uuid), 'pending'
  FROM json_to_recordset(CAST(:#rows AS json))
       AS r(domain varchar, page_url text, page_title text, payload json)
 ORDER BY r.domain
    ON CONFLICT (domain) DO NOTHING
RETURNING domain
