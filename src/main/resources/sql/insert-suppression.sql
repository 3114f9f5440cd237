-- One address or domain added to the suppression list. An entry already there keeps its first
-- reason, note and date: they are the record of the objection.
INSERT INTO suppressions (email, domain, reason, note, source)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING
