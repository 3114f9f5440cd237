-- A template: one table of the backup as CSV, in key order. {table}, {columns} and {key} are filled
-- by TableCopy from the project's own tables and the backup manifest, quoted by SqlNames (COPY takes
-- no identifier as a parameter). Columns are named rather than *, so the file's columns are the
-- manifest's whatever order the columns have in a particular database (an adopted one may differ).
COPY (SELECT {columns} FROM {table} ORDER BY {key}) TO STDOUT WITH (FORMAT csv, HEADER)
