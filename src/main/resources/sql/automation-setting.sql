-- The scheduled discovery's settings row ('automation'): whether it runs, and what it asks for.
SELECT value::text AS value FROM settings WHERE key = 'automation'
