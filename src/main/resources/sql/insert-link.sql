-- `links add`: a new placement, pending its first check (due at once). No row back: the prospect
-- already has a placement on that page. A new placement is the operator saying a link was placed: the
-- prospect moves to the stage link_placed (with a history row), unless it is at a link stage already.
WITH added AS (
    INSERT INTO link_placements (prospect_id, url, target, anchor_expected)
    VALUES (CAST(:#prospectId AS uuid), :#url, :#target, :#anchorExpected)
    ON CONFLICT (prospect_id, url) DO NOTHING
    RETURNING id, prospect_id),
old_stage AS (
    SELECT p.id, p.stage FROM prospects p JOIN added a ON a.prospect_id = p.id
     WHERE p.stage IS NULL OR p.stage NOT IN ('link_placed', 'link_live', 'link_lost')
       FOR UPDATE OF p),
moved AS (
    UPDATE prospects p SET stage = 'link_placed'
      FROM old_stage WHERE p.id = old_stage.id
    RETURNING p.id, old_stage.stage AS from_stage),
stage_history AS (
    INSERT INTO prospect_stage_history (prospect_id, from_stage, to_stage, changed_by, note)
    SELECT id, from_stage, 'link_placed', 'links', 'a placement was added' FROM moved)
SELECT id::text AS id FROM added
