-- Readiness: the newest migration applied successfully, and how many failed.
SELECT (SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
         ORDER BY installed_rank DESC LIMIT 1),
       (SELECT count(*) FROM flyway_schema_history WHERE NOT success)
