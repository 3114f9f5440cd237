-- New prospects of one SERP in one statement, in the job's campaign ('default' for a job that
-- has none). ON CONFLICT makes a domain another job saved a moment ago (a concurrent job) a no-op
-- instead of an error; RETURNING says which rows are new.
-- Rows go in in domain order: two jobs saving overlapping SERPs then take the unique index's
-- entries in the same order and never deadlock (in SERP order one could wait for the other's A
-- while holding its B).
INSERT INTO prospects (domain, page_url, page_title, dataforseo_payload, discovery_query_id, outreach_status, campaign_id)
SELECT r.domain, r.page_url, r.page_title, r.payload, CAST(:#queryId AS uuid), 'pending',
       coalesce((SELECT j.campaign_id FROM jobs j WHERE j.id = CAST(:#jobId AS uuid)),
                (SELECT c.id FROM campaigns c WHERE c.name = 'default'))
  FROM json_to_recordset(CAST(:#rows AS json))
       AS r(domain varchar, page_url text, page_title text, payload json)
 ORDER BY r.domain
    ON CONFLICT (domain) DO NOTHING
RETURNING domain
