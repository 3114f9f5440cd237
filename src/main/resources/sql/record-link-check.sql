-- One check of a placement (the parameters of a LinkCheck): its row in link_checks and the placement
-- state after it, in one statement. A placement removed while it was being checked records nothing.
-- The parameters prospectId and prospectStage (link_live, link_lost or NULL, LinkOutcomes.stageFor) are given
-- for the pipeline-stages feature, which moves the stage of the prospect here.
WITH recorded AS (
    INSERT INTO link_checks (link_id, checked_at, status, http_status, found, rel, anchor, noindex,
                             canonical_elsewhere, redirects, reason)
    SELECT l.id, :#checkedAt, :#status, CAST(:#httpStatus AS integer), :#found,
           coalesce(string_to_array(NULLIF(CAST(:#rel AS text), ''), ','), '{}'), :#anchor,
           CAST(:#noindex AS boolean), :#canonicalElsewhere, CAST(:#redirects AS jsonb), :#reason
      FROM link_placements l
     WHERE l.id = CAST(:#linkId AS uuid)
)
UPDATE link_placements
   SET status = :#status,
       http_status = CAST(:#httpStatus AS integer),
       rel = coalesce(string_to_array(NULLIF(CAST(:#rel AS text), ''), ','), '{}'),
       anchor = :#anchor,
       noindex = CAST(:#noindex AS boolean),
       canonical_elsewhere = :#canonicalElsewhere,
       redirects = CAST(:#redirects AS jsonb),
       last_checked_at = :#checkedAt,
       next_check_at = :#nextCheckAt,
       checks = checks + 1,
       checks_in_status = :#checksInStatus,
       misses_in_a_row = :#missesInARow,
       first_miss_at = :#firstMissAt,
       first_live_at = :#firstLiveAt,
       lost_at = :#lostAt
 WHERE id = CAST(:#linkId AS uuid)
