-- A subject template may offer several subjects, one per line; each prospect gets one of them,
-- chosen by a hash of its domain. Which one (its index, from 0, and its text as rendered) is kept
-- with the draft, so replies can later be counted per variant even after the subject was edited.
-- Both are NULL for drafts written before this and for prospects without a draft.
ALTER TABLE prospects ADD COLUMN draft_subject_variant      smallint;
ALTER TABLE prospects ADD COLUMN draft_subject_variant_text text;
