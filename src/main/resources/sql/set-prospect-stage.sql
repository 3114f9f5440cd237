-- The operator moves a prospect to a stage (`prospects stage`, POST /api/v1/prospects/{id}/stage):
-- the stage changes and the change is a row in prospect_stage_history with who and why. Moving it to
-- the stage it has writes nothing. Returns the prospect's id, its stage before and the stage now
-- (to_stage NULL when nothing changed); no row when no prospect has the id.
-- Parameters: prospectId, stage (already checked against prospects/ProspectStage), changedBy, note.
WITH old AS (
    SELECT id, stage FROM prospects WHERE id = CAST(:#prospectId AS uuid) FOR UPDATE),
moved AS (
    UPDATE prospects p
       SET stage = CAST(:#stage AS text)
      FROM old
     WHERE p.id = old.id AND old.stage IS DISTINCT FROM CAST(:#stage AS text)
    RETURNING p.id, old.stage AS from_stage, p.stage AS to_stage),
history AS (
    INSERT INTO prospect_stage_history (prospect_id, from_stage, to_stage, changed_by, note)
    SELECT id, from_stage, to_stage, CAST(:#changedBy AS text), CAST(:#note AS text) FROM moved
    RETURNING id)
SELECT old.id::text AS id, old.stage AS from_stage, (SELECT to_stage FROM moved) AS to_stage
  FROM old
