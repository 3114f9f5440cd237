-- Rows that hold NULL where V1 wants NOT NULL: any one blocks SET NOT NULL.
SELECT count(*) FROM {table} WHERE {column} IS NULL
