-- `outreach status`: messages sent since the start of today, a calendar day in UTC.
SELECT count(*) FROM send_attempts
 WHERE status = 'sent' AND created_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
