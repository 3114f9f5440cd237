-- A template: held until commit, so nobody writes between a check (or a backup) and the end of a
-- restore or reset; EXCLUSIVE still lets others read. {tables} is filled from the project's fixed
-- table list, each quoted by SqlNames.
LOCK TABLE {tables} IN EXCLUSIVE MODE
