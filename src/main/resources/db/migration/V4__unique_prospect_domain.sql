-- prospects.domain is the de-duplication key: stored lower-case without one leading 'www.', and
-- unique. `outreach db migrate` checks for rows that would collide before it runs this and points
-- to `outreach db dedupe`; here a collision simply fails the migration, changing nothing.

UPDATE prospects
   SET domain = regexp_replace(lower(domain), '^www\.', '')
 WHERE domain <> regexp_replace(lower(domain), '^www\.', '');

DROP INDEX ix_prospects_domain;
CREATE UNIQUE INDEX ux_prospects_domain ON prospects (domain);
ALTER TABLE prospects ADD CONSTRAINT prospects_domain_lower_case CHECK (domain = lower(domain));
