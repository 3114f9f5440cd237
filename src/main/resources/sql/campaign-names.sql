-- Every campaign's name, for the message that says a name is unknown.
SELECT name FROM campaigns ORDER BY name
