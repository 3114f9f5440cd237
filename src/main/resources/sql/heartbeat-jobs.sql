-- The heartbeat of every job this process runs: while it beats, no other worker takes them over.
UPDATE jobs
   SET updated_at = now()
 WHERE status = 'running' AND claimed_by LIKE :#node || '/%'
