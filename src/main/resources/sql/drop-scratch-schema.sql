-- A template: removes the scratch schema the expected catalogue was migrated into. {schema} is the
-- name ScratchSchema generated (a fixed prefix and random hex digits), quoted by SqlNames.
DROP SCHEMA IF EXISTS {schema} CASCADE
