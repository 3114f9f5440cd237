-- Every single-column foreign key that points at prospects.id, whichever table holds it.
SELECT k.conrelid::regclass::text, a.attname
  FROM pg_constraint k
  JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
 WHERE k.contype = 'f' AND k.confrelid = 'prospects'::regclass AND array_length(k.conkey, 1) = 1
 ORDER BY 1, 2
