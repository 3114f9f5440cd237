UPDATE discovery_queries SET status = 'posted', task_id = :#taskId
 WHERE id = CAST(:#queryId AS uuid) AND status = 'posting'
