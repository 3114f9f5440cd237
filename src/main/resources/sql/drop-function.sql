-- A template: a reset drops one of the project's functions. {function} is the quoted name and
-- argument list of a function from the project's fixed list that the catalogue shows present.
DROP FUNCTION {function}
