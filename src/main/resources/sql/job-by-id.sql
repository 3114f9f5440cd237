-- One job as `job show` and `job follow` print it (the columns JobStore reads, in this order).
SELECT j.id, j.job_type, j.status, j.origin, j.params::text, j.result::text, j.error_message, j.attempts, j.claimed_by,
       j.created_at, j.updated_at, j.started_at, j.finished_at, j.cancel_requested_at, c.name AS campaign
  FROM jobs j
  LEFT JOIN campaigns c ON c.id = j.campaign_id
 WHERE j.id = :#id
