UPDATE jobs SET result = CAST(:#result AS json)
 WHERE id = CAST(:#jobId AS uuid) AND claimed_by = :#worker AND status = 'running'
