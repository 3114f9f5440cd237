UPDATE prospects p
   SET outreach_status = 'skipped', last_error = 'not sent: recipients in its country are skipped (outreach.send.skip-countries)'
  FROM discovery_queries q
 WHERE p.outreach_status = 'approved' AND q.id = p.discovery_query_id
   AND q.location_code IN (SELECT CAST(json_array_elements_text(CAST(:#skipCodes AS json)) AS integer))
