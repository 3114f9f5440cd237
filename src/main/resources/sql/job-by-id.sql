-- One job as `job show` and `job follow` print it (the columns JobStore reads, in this order).
SELECT id, job_type, status, origin, params::text, result::text, error_message, attempts, claimed_by,
       created_at, updated_at, started_at, finished_at, cancel_requested_at
  FROM jobs WHERE id = :#id
