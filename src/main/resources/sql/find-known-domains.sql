-- Which of a SERP's domains are stored already, whether this job stored them (a duplicate) or they
-- were there before it (existing), and the campaign that owns each. One statement per SERP, not
-- one per result.
SELECT p.domain,
       (dq.job_id IS NOT NULL AND dq.job_id = CAST(:#jobId AS uuid)) AS same_job,
       p.campaign_id::text AS campaign_id
  FROM prospects p
  LEFT JOIN discovery_queries dq ON dq.id = p.discovery_query_id
 WHERE p.domain IN (SELECT json_array_elements_text(CAST(:#keys AS json)))
