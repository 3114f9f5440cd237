-- A template: rows of one referencing table that point at a prospect. {table} and {column} are
-- filled by DomainDuplicates from prospect-references.sql (the database's own catalogue, quoted),
-- since SQL takes no identifier as a parameter. Parameter: the prospect's id.
SELECT count(*) FROM {table} WHERE {column} = ?
