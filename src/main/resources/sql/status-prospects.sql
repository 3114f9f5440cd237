-- `outreach status`: prospects by status.
SELECT coalesce(outreach_status, '(none)'), count(*) FROM prospects GROUP BY 1
