-- A template: a reset empties Flyway's history rather than dropping it: a schema that still holds
-- other tables (alembic_version, anyone else's) but no history table looks like someone else's,
-- which `db migrate` and Flyway refuse to touch; an empty history means "apply every migration".
-- {table} is the history table, quoted by SqlNames.
DELETE FROM {table}
