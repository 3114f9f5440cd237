-- A prospect's changes of stage, oldest first: for the answer of POST /api/v1/prospects/{id}/stage.
SELECT from_stage, to_stage, changed_at, changed_by, note
  FROM prospect_stage_history
 WHERE prospect_id = CAST(:#prospectId AS uuid)
 ORDER BY changed_at, id
