-- A backup reads every table from one snapshot and writes nothing.
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY
