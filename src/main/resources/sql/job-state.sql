-- The job's row as its worker's guard needs it; FOR UPDATE when read inside a unit of work, so a
-- cancellation or takeover cannot slip in between the check and the commit.
SELECT status, claimed_by, cancel_requested_at, deadline_at, now() AS now
  FROM jobs
 WHERE id = CAST(:#jobId AS uuid)
   FOR UPDATE
