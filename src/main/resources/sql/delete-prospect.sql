-- `db dedupe --apply`: removes a merged prospect once it is archived and nothing points at it.
DELETE FROM prospects WHERE id = ?
