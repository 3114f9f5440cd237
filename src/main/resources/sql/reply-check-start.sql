-- Where a check of the mailbox starts: the position the last check remembered (none on the first
-- check), and when we first sent anything (nothing older can be an answer to us).
SELECT (SELECT min(created_at) FROM send_attempts) AS first_send_at, r.uid_validity, r.last_uid
  FROM (SELECT 1) AS one
  LEFT JOIN mailbox_reads r ON r.account = CAST(:#account AS text) AND r.folder = CAST(:#folder AS text)
