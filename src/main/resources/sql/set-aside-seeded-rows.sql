-- A template: `db restore` loads only into empty tables, but a migrated database is never quite
-- empty: V17 seeds the campaign 'default' (fixed id), and every backup holds that row too. Inside
-- the restore's transaction, after the tables are locked, the seeded row is set aside when nothing
-- refers to it yet, so the backup's own copy loads in its place; a database with prospects or jobs
-- keeps it and is refused as holding data. A failed restore rolls this back with the rest.
-- {campaigns}, {prospects} and {jobs} are filled from the project's fixed table list, quoted by SqlNames.
DELETE FROM {campaigns} c
 WHERE c.id = '00000000-0000-0000-0000-000000000001'
   AND NOT EXISTS (SELECT 1 FROM {prospects} p WHERE p.campaign_id = c.id)
   AND NOT EXISTS (SELECT 1 FROM {jobs} j WHERE j.campaign_id = c.id)
