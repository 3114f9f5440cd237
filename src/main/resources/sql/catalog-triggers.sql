-- The schema catalogue: the triggers someone defined (not the ones constraints make internally).
SELECT t.relname, g.tgname, pg_get_triggerdef(g.oid)
  FROM pg_trigger g
  JOIN pg_class t ON t.oid = g.tgrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
 WHERE n.nspname = ? AND NOT g.tgisinternal
