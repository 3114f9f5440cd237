UPDATE prospects p
   SET outreach_status = 'drafting', updated_at = now()
 WHERE p.id IN (SELECT id FROM prospects
                 WHERE (outreach_status = 'enriched' AND contact_email IS NOT NULL)
                    OR (outreach_status = 'drafting'
                        AND updated_at < now() - make_interval(secs => CAST(:#leaseSeconds AS integer)))
                 ORDER BY score DESC NULLS LAST, created_at, id
                 LIMIT CAST(:#batchSize AS integer)
                 FOR UPDATE SKIP LOCKED)
RETURNING p.id::text AS id
