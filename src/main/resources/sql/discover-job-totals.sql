SELECT count(*)                                                   AS planned,
       count(*) FILTER (WHERE status IN ('success', 'failed'))    AS executed,
       count(*) FILTER (WHERE status = 'success')                 AS succeeded,
       count(*) FILTER (WHERE status = 'failed')                  AS failed,
       count(*) FILTER (WHERE status = 'skipped')                 AS skipped,
       coalesce(sum(results_found), 0)                            AS found,
       coalesce(sum(results_saved), 0)                            AS saved,
       coalesce(sum(results_skipped_duplicate), 0)                AS duplicate,
       coalesce(sum(results_skipped_existing), 0)                 AS existing,
       coalesce(sum(coalesce((query_metadata ->> 'skipped_invalid')::int, 0)), 0) AS invalid,
       coalesce(sum(api_calls), 0)                                AS api_calls,
       coalesce(sum(cost), 0)                                     AS cost
  FROM discovery_queries
 WHERE job_id = CAST(:#jobId AS uuid)
