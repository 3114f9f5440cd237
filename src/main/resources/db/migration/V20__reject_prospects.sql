-- An operator can reject a prospect: it is never contacted, and the reason is kept with it. The
-- status 'rejected' needs no constraint change (outreach_status is free text, listed in code by
-- prospects/ProspectStatuses); the row stays, so its domain stays known and is not discovered again.
ALTER TABLE prospects ADD COLUMN rejected_reason text;
ALTER TABLE prospects ADD COLUMN rejected_at     timestamp with time zone;
