UPDATE discovery_queries SET status = 'failed', error_message = :#errorMessage
 WHERE id IN (SELECT CAST(json_array_elements_text(CAST(:#queryIds AS json)) AS uuid))
