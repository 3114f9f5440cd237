-- `db dedupe --apply`: a merged prospect is kept whole in prospects_merged before it is removed.
-- Parameters: the kept prospect's id, the merged prospect's id.
INSERT INTO prospects_merged (id, merged_into, domain, row_data)
SELECT p.id, ?, p.domain, row_to_json(p) FROM prospects p WHERE p.id = ?
