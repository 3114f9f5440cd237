-- The scheduled link check: how many placements are due (none due, no job is enqueued).
SELECT count(*) FROM link_placements WHERE next_check_at <= now()
