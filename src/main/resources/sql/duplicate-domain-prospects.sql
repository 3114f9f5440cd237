-- The prospects whose domain is stored more than once, counting case and a leading www. (the rule V4
-- applies to stored rows before prospects.domain becomes unique; see DomainKey), grouped by that key, oldest first in each group.
SELECT regexp_replace(lower(p.domain), '^www\.', '') AS k, p.id, p.domain, p.created_at
  FROM prospects p
 WHERE regexp_replace(lower(p.domain), '^www\.', '') IN (
        SELECT regexp_replace(lower(domain), '^www\.', '') FROM prospects GROUP BY 1 HAVING count(*) > 1)
 ORDER BY k, p.created_at ASC NULLS LAST, p.id
