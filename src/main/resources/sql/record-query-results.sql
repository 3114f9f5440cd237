UPDATE discovery_queries
   SET status                    = 'success',
       results_found             = :#found,
       results_saved             = :#saved,
       results_skipped_duplicate = :#duplicate,
       results_skipped_existing  = :#existing,
       query_metadata            = CAST(:#metadata AS json),
       task_id                   = coalesce(:#taskId, task_id),
       cost                      = cost + CAST(:#cost AS numeric),
       error_message             = NULL
 WHERE id = CAST(:#queryId AS uuid)
