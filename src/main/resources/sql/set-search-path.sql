-- A template: every pooled connection works in the configured schema. {schema} is
-- outreach.database.schema, which ConfigSchema accepts only as a plain identifier (left unquoted, so
-- it folds to lower case as it always has).
SET search_path TO {schema}
