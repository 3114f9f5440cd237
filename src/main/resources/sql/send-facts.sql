-- Sends that count against the mailbox's caps: every attempt whose SMTP conversation may have
-- happened (not the temporary failures, which were refused before DATA).
SELECT count(*)                                                          AS sent_last_24h,
       count(*) FILTER (WHERE created_at > now() - interval '1 hour')    AS sent_last_hour,
       max(created_at)                                                   AS last_sent_at,
       min(created_at)                                                   AS oldest_in_24h,
       min(created_at) FILTER (WHERE created_at > now() - interval '1 hour') AS oldest_in_hour,
       now()                                                             AS now
  FROM send_attempts
 WHERE mailbox = :#mailbox AND status <> 'temporary' AND created_at > now() - interval '24 hours'
