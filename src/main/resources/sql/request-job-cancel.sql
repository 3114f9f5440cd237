-- An operator cancels a running job: its worker sees the request at its next step and stops there,
-- keeping what it already committed (the first request's time is kept).
UPDATE jobs SET cancel_requested_at = coalesce(cancel_requested_at, now())
 WHERE id = :#id AND status = 'running'
