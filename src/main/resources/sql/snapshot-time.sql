-- The moment of the backup's snapshot: the first query of the transaction takes it.
SELECT now()
