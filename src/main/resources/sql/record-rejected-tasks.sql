UPDATE discovery_queries q
   SET status = 'failed', error_message = t.error
  FROM json_to_recordset(CAST(:#rejected AS json)) AS t(id uuid, error text)
 WHERE q.id = t.id
