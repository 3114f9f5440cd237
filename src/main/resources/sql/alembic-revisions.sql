-- A template: the revision(s) the predecessor's Alembic recorded. {table} is the schema's
-- alembic_version table, quoted by SqlNames.
SELECT version_num FROM {table}
