-- Maximum run time, enforced while jobs run: an overdue job fails here at once, whichever process
-- runs it; its worker then finds it no longer running and writes nothing more.
UPDATE jobs
   SET status = 'failed', finished_at = now(),
       error_message = 'stopped after running longer than its maximum run time of '
                       || (extract(epoch FROM deadline_at - started_at) / 60)::int || ' minutes; work committed before that is kept'
 WHERE status = 'running' AND deadline_at < now()
RETURNING id::text AS id, job_type
