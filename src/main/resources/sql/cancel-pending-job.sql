-- An operator cancels a job no worker has started: it ends at once.
UPDATE jobs SET status = 'cancelled', cancel_requested_at = now(), finished_at = now(),
                error_message = 'cancelled by an operator before it started'
 WHERE id = :#id AND status = 'pending'
