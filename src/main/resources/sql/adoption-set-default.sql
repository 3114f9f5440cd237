ALTER TABLE {table} ALTER COLUMN {column} SET DEFAULT {default}
