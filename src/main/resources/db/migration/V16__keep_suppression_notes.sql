-- A suppression's reason in an operator's or another system's own words ("asked by phone"). The
-- reason column keeps to the known reasons the pipeline acts on (V10's CHECK); the words were
-- folded into the source, where they could not be told apart from it, and an export/import lost
-- which was which. They are kept here instead, with reason 'manual'. Bounded like any free text a
-- file can bring in.
ALTER TABLE suppressions ADD COLUMN note text;
ALTER TABLE suppressions ADD CONSTRAINT suppressions_note_length CHECK (char_length(note) <= 500);
