-- The schema catalogue: the schema's functions, by name and argument types, with their source.
SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', p.prosrc
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = ?
