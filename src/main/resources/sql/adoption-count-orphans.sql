-- Rows whose reference points nowhere, where V1 wants a foreign key.
SELECT count(*) FROM {table} x
WHERE x.{columns} IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM {target} p WHERE p.{target_columns} = x.{columns})
