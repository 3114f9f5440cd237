-- Prospects never looked up at Hunter (no payload: one call per domain, ever), or claimed by a
-- worker that died; SKIP LOCKED so concurrent workers never take the same one.
UPDATE prospects p
   SET outreach_status = 'enriching', updated_at = now()
 WHERE p.id IN (SELECT id FROM prospects
                 WHERE (outreach_status = 'pending' AND contact_email IS NULL AND hunter_payload IS NULL)
                    OR (outreach_status = 'enriching'
                        AND updated_at < now() - make_interval(secs => CAST(:#leaseSeconds AS integer)))
                 ORDER BY created_at, id
                 LIMIT CAST(:#batchSize AS integer)
                 FOR UPDATE SKIP LOCKED)
RETURNING p.id::text AS id, p.domain, p.da_est, p.dataforseo_payload ->> 'rank_absolute' AS serp_rank
