SELECT count(*) FROM suppressions
