-- A discovery job's queries as `job show` lists them, in planned order.
SELECT keyword, location, location_code, category, status, results_found, results_saved,
       results_skipped_duplicate, results_skipped_existing,
       coalesce((query_metadata ->> 'skipped_invalid')::int, 0), api_calls, cost, error_message
  FROM discovery_queries WHERE job_id = :#jobId ORDER BY position NULLS LAST, created_at, id
