-- A reset's backup reads every table from one snapshot, taken after the locks.
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ
