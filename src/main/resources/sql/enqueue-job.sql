-- The job's campaign is the one its params name ("campaign"); a discover job that names none
-- belongs to 'default' (as every discovery did before campaigns), other jobs to none.
INSERT INTO jobs (job_type, params, status, origin, campaign_id)
SELECT :#newJobType, CAST(:#newJobParams AS json), 'pending', :#newJobOrigin,
       (SELECT c.id FROM campaigns c
         WHERE c.name = coalesce(CAST(:#newJobParams AS json) ->> 'campaign',
                                 CASE WHEN :#newJobType = 'discover' THEN 'default' END))
RETURNING id::text AS id
