-- Another check_replies job, started before this one and still alive (its heartbeat within the
-- lease), is reading the same mailbox: this one leaves it to that one.
SELECT o.id::text AS job_id
  FROM jobs o
  JOIN jobs me ON me.id = CAST(:#jobId AS uuid)
 WHERE o.job_type = me.job_type AND o.status = 'running' AND o.id <> me.id
   AND o.updated_at > now() - make_interval(secs => CAST(:#leaseSeconds AS integer))
   AND (o.started_at, o.id) < (me.started_at, me.id)
 LIMIT 1
