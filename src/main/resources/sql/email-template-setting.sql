SELECT value::text AS value FROM settings WHERE key = 'email_template'
