SELECT p.id::text AS id, p.domain, p.page_url, p.page_title, p.contact_email, p.contact_name,
       q.keyword, q.location
  FROM prospects p
  LEFT JOIN discovery_queries q ON q.id = p.discovery_query_id
 WHERE p.id = CAST(:#prospectId AS uuid)
