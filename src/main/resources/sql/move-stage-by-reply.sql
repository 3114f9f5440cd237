-- A classified reply moves the prospect's stage where the class is certain: a person's reply to
-- 'replied', an interested one to 'interested', a refusal or a request to be removed to 'declined'
-- (out-of-office, automatic replies and bounces move nothing). Only from where the sender and the
-- classifier put it (no stage, contacted, replied): a stage the operator chose stays theirs. The
-- change is a row in prospect_stage_history by 'classifier'.
WITH target AS (
    SELECT CASE CAST(:#replyClass AS text)
               WHEN 'interested' THEN 'interested'
               WHEN 'not_interested' THEN 'declined'
               WHEN 'unsubscribe_request' THEN 'declined'
               WHEN 'needs_review' THEN 'replied'
           END AS stage),
old AS (
    SELECT id, stage FROM prospects WHERE id = CAST(:#prospectId AS uuid) FOR UPDATE),
moved AS (
    UPDATE prospects p
       SET stage = target.stage
      FROM old, target
     WHERE p.id = old.id AND target.stage IS NOT NULL
       AND (old.stage IS NULL OR old.stage IN ('contacted', 'replied'))
       AND old.stage IS DISTINCT FROM target.stage
    RETURNING p.id, old.stage AS from_stage, p.stage AS to_stage)
INSERT INTO prospect_stage_history (prospect_id, from_stage, to_stage, changed_by, note)
SELECT id, from_stage, to_stage, 'classifier', CAST(:#stageNote AS text) FROM moved
