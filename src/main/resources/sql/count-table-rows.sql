-- A template: the rows of one of the project's tables (restore checks they are empty, reset reports
-- what it drops). {table} is filled from the project's fixed table list, quoted by SqlNames.
SELECT count(*) FROM {table}
