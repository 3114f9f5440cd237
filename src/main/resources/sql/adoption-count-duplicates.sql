-- Values that occur more than once where V1 wants a primary key or unique constraint.
SELECT count(*) FROM (SELECT 1 FROM {table} GROUP BY {columns} HAVING count(*) > 1) d
