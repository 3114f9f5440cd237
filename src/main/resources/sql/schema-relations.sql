-- The tables, views and foreign tables of one schema: what tells an empty schema, ours, the
-- predecessor's and someone else's apart.
SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
