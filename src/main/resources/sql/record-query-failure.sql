UPDATE discovery_queries
   SET status        = 'failed',
       error_message = :#errorMessage,
       api_calls     = api_calls + :#calls,
       cost          = cost + CAST(:#cost AS numeric)
 WHERE id = CAST(:#queryId AS uuid)
