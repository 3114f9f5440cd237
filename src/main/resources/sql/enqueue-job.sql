INSERT INTO jobs (job_type, params, status, origin)
VALUES (:#jobType, CAST(:#params AS json), 'pending', :#origin)
RETURNING id::text AS id
