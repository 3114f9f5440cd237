-- The outreach_prospects gauge: prospects by status.
SELECT outreach_status, count(*) FROM prospects GROUP BY outreach_status
