-- After an approval: a send job for the approved prospects, unless one is waiting or running already.
INSERT INTO jobs (job_type, params, status, origin)
SELECT 'send', CAST('{}' AS json), 'pending', 'approval'
 WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE job_type = 'send' AND status IN ('pending', 'running')
                      AND origin IS NOT NULL)
