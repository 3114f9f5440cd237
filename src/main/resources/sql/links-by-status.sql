-- Placements by status: the outreach_links gauge and `status`.
SELECT status, count(*) FROM link_placements GROUP BY status ORDER BY status
