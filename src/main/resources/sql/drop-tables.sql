-- A template: a reset drops the project's tables. No CASCADE: should anyone else's object depend on
-- one of them, the reset stops (and rolls back) rather than drop or alter what is not ours.
-- {tables} is filled from the project's fixed table list, each quoted by SqlNames.
DROP TABLE {tables}
