-- Enrichment stopped part-way because Hunter is paused: what it did enrich is drafted now, not
-- after the reset date. Only when a prospect waits for its draft and no draft job is queued yet
-- (a queued one drafts every enriched prospect anyway).
INSERT INTO jobs (job_type, params, status, origin)
SELECT 'draft', CAST(:#${variable.draftParams} AS json), 'pending', :#${variable.draftOrigin}
 WHERE EXISTS (SELECT 1 FROM prospects WHERE outreach_status = 'enriched' AND contact_email IS NOT NULL)
   AND NOT EXISTS (SELECT 1 FROM jobs WHERE job_type = 'draft' AND status = 'pending' AND origin IS NOT NULL)
