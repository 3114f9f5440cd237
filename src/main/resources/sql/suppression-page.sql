-- The console's page of the suppression list: newest first, narrowed to entries whose address or
-- domain, reason, note or source contains q (any case; null for all), starting after the row
-- afterCreated/afterEntry (keyset paging; a null afterEntry starts at the top).
SELECT coalesce(email, domain) AS entry,
       CASE WHEN email IS NULL THEN 'domain' ELSE 'email' END AS kind,
       reason, note, source, created_at
  FROM suppressions
 WHERE (CAST(:#q AS text) IS NULL
        OR strpos(coalesce(email, domain), lower(CAST(:#q AS text))) > 0
        OR strpos(lower(reason), lower(CAST(:#q AS text))) > 0
        OR strpos(lower(coalesce(note, '')), lower(CAST(:#q AS text))) > 0
        OR strpos(lower(coalesce(source, '')), lower(CAST(:#q AS text))) > 0)
   AND (CAST(:#afterEntry AS text) IS NULL
        OR (created_at, coalesce(email, domain)) < (CAST(:#afterCreated AS timestamptz), CAST(:#afterEntry AS text)))
 ORDER BY created_at DESC, coalesce(email, domain) DESC
 LIMIT CAST(:#limit AS integer)
