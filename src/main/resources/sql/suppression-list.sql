-- The suppression list as `suppress list` and `suppress export` show it, oldest first.
SELECT coalesce(email, domain) AS entry,
       CASE WHEN email IS NULL THEN 'domain' ELSE 'email' END AS kind,
       reason, note, source, created_at
  FROM suppressions
 ORDER BY created_at, entry
