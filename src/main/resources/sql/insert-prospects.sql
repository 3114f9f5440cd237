-- New prospects of one SERP in one statement. ON CONFLICT makes a domain another job saved a
-- moment ago (a concurrent job) a no-op instead of an error; RETURNING says which rows are new.
INSERT INTO prospects (domain, page_url, page_title, dataforseo_payload, discovery_query_id, outreach_status)
SELECT r.domain, r.page_url, r.page_title, r.payload, CAST(:#queryId AS uuid), 'pending'
  FROM json_to_recordset(CAST(:#rows AS json))
       AS r(domain varchar, page_url text, page_title text, payload json, ord integer)
 ORDER BY r.ord
    ON CONFLICT (domain) DO NOTHING
RETURNING domain
