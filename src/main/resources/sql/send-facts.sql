-- Sends that count against each mailbox's caps, one row per From address asked for (a JSON array of
-- lower-case addresses): every attempt whose SMTP conversation may have happened (not the temporary
-- failures, which were refused before DATA).
SELECT a.address                                                                 AS mailbox,
       count(s.created_at)                                                       AS sent_last_24h,
       count(s.created_at) FILTER (WHERE s.created_at > now() - interval '1 hour') AS sent_last_hour,
       max(s.created_at)                                                         AS last_sent_at,
       min(s.created_at)                                                         AS oldest_in_24h,
       min(s.created_at) FILTER (WHERE s.created_at > now() - interval '1 hour')   AS oldest_in_hour,
       now()                                                                     AS now
  FROM (SELECT DISTINCT value AS address FROM jsonb_array_elements_text(CAST(:#addresses AS jsonb))) a
  LEFT JOIN send_attempts s
         ON s.mailbox = a.address AND s.status <> 'temporary' AND s.created_at > now() - interval '24 hours'
 GROUP BY a.address
 ORDER BY a.address
