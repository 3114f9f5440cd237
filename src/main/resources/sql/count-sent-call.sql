-- A DataForSEO call is counted against its query just before it is sent, in its own commit: a
-- process that dies while waiting for the answer has still paid for the call, and the job's
-- api_calls must say so (the answer, when it comes, adds only its cost).
UPDATE discovery_queries SET api_calls = api_calls + 1 WHERE id = CAST(? AS uuid)
