-- The schema catalogue: primary keys, unique, foreign key, check and exclusion constraints.
SELECT t.relname, k.conname, k.contype, pg_get_constraintdef(k.oid)
  FROM pg_constraint k
  JOIN pg_class t ON t.oid = k.conrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
 WHERE n.nspname = ? AND k.contype IN ('p', 'u', 'f', 'c', 'x')
