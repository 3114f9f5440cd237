-- A template: re-points one referencing table's rows from a merged prospect to the kept one.
-- {table} and {column} are filled by DomainDuplicates from prospect-references.sql (the database's
-- own catalogue, quoted), since SQL takes no identifier as a parameter.
-- Parameters: the kept prospect's id, the merged prospect's id.
UPDATE {table} SET {column} = ? WHERE {column} = ?
