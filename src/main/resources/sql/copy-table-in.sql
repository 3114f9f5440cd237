-- A template: loads one table of a backup from its CSV. {table} and {columns} are filled by
-- TableCopy from the project's own tables and the backup manifest, quoted by SqlNames.
COPY {table} ({columns}) FROM STDIN WITH (FORMAT csv, HEADER)
