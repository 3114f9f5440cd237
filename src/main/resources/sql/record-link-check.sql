-- One check of a placement (the parameters of a LinkCheck): its row in link_checks and the placement
-- state after it, in one statement. A placement removed while it was being checked records nothing.
-- A placement that turns live or lost moves its prospect to the stage link_live or link_lost (prospectStage,
-- from LinkOutcomes.stageFor; NULL when the status did not change that way), with a history row by the
-- link checker, unless the prospect is at that stage already.
WITH recorded AS (
    INSERT INTO link_checks (link_id, checked_at, status, http_status, found, rel, anchor, noindex,
                             canonical_elsewhere, redirects, reason)
    SELECT l.id, :#checkedAt, :#status, CAST(:#httpStatus AS integer), :#found,
           coalesce(string_to_array(NULLIF(CAST(:#rel AS text), ''), ','), '{}'), :#anchor,
           CAST(:#noindex AS boolean), :#canonicalElsewhere, CAST(:#redirects AS jsonb), :#reason
      FROM link_placements l
     WHERE l.id = CAST(:#linkId AS uuid)
    RETURNING link_id
),
old_stage AS (
    SELECT p.id, p.stage FROM prospects p
     WHERE CAST(:#prospectStage AS text) IS NOT NULL
       AND p.id = CAST(:#prospectId AS uuid)
       AND p.stage IS DISTINCT FROM CAST(:#prospectStage AS text)
       AND EXISTS (SELECT 1 FROM recorded)
       FOR UPDATE),
moved AS (
    UPDATE prospects p SET stage = CAST(:#prospectStage AS text)
      FROM old_stage WHERE p.id = old_stage.id
    RETURNING p.id, old_stage.stage AS from_stage, p.stage AS to_stage),
stage_history AS (
    INSERT INTO prospect_stage_history (prospect_id, from_stage, to_stage, changed_by, note)
    SELECT id, from_stage, to_stage, 'link-check', 'the placement is ' || CAST(:#status AS text) FROM moved)
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
