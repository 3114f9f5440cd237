-- Before a batch is posted: a crash between the (paid) post and recording its task ids leaves
-- these queries 'posting', and a resumed job looks for their tags among the finished tasks
-- instead of posting them again.
UPDATE discovery_queries SET status = 'posting'
 WHERE id IN (SELECT CAST(json_array_elements_text(CAST(:#queryIds AS json)) AS uuid))
