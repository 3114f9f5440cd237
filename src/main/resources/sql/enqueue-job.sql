INSERT INTO jobs (job_type, params, status, origin)
VALUES (:#newJobType, CAST(:#newJobParams AS json), 'pending', :#newJobOrigin)
RETURNING id::text AS id
