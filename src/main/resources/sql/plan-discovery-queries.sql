-- One row per (query, location) of a discover job, written once: a resumed job finds its plan
-- already there and goes on with the queries not yet done.
INSERT INTO discovery_queries (job_id, keyword, location, location_code, category, position, status)
SELECT CAST(:#jobId AS uuid), q.keyword, q.location, q.location_code, q.category, q.position, 'pending'
  FROM json_to_recordset(CAST(:#queries AS json))
       AS q(keyword varchar, location varchar, location_code integer, category varchar, position integer)
 WHERE NOT EXISTS (SELECT 1 FROM discovery_queries WHERE job_id = CAST(:#jobId AS uuid))
