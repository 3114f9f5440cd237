-- Claims the oldest runnable job for one worker, in one statement: a pending job, or a running
-- one whose heartbeat is older than the lease (its worker died). SKIP LOCKED lets any number of
-- workers, in any number of processes, claim at once without taking the same job.
UPDATE jobs j
   SET status      = 'running',
       claimed_by  = :#worker,
       updated_at  = now(),
       attempts    = j.attempts + 1,
       started_at  = coalesce(j.started_at, now()),
       deadline_at = coalesce(j.deadline_at, now() + make_interval(secs => CAST(:#maxRunSeconds AS integer)))
 WHERE j.id = (SELECT id FROM jobs
                WHERE origin IS NOT NULL
                  AND job_type = ANY (string_to_array(:#jobTypes, ','))
                  AND (run_after IS NULL OR run_after <= now())
                  AND (status = 'pending'
                       OR (status = 'running' AND updated_at < now() - make_interval(secs => CAST(:#leaseSeconds AS integer))))
                ORDER BY created_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
RETURNING j.id::text AS id, j.job_type, j.params::text AS params, j.attempts, j.origin
