ALTER TABLE {table} ADD CONSTRAINT {constraint} {definition}
