UPDATE discovery_queries
   SET status        = 'failed',
       error_message = :#errorMessage,
       cost          = cost + CAST(:#cost AS numeric)
 WHERE id = CAST(:#queryId AS uuid)
