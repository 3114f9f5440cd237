-- Lifts a provider's pause (the operator raised the plan, or the account is sorted out) and wakes
-- the jobs that were put off until the pause's end, so they run at the next poll instead of on
-- the reset date. Returns whether a pause was in force and how many jobs were woken.
WITH lifted AS (
    DELETE FROM provider_pauses WHERE provider = :#provider RETURNING until > now() AS in_force
), woken AS (
    UPDATE jobs SET run_after = now()
     WHERE job_type = :#jobType AND status = 'pending' AND run_after > now()
    RETURNING id
)
SELECT coalesce(bool_or(in_force), false) AS was_paused, (SELECT count(*) FROM woken) AS jobs_woken
  FROM lifted
