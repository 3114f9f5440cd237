-- The first thing done with a task_post answer: every accepted task's id, so it is collected (not
-- posted again) whatever happens next. The call's cost is shared out over its tasks (the call
-- itself was counted when it was sent: count-sent-call.sql).
UPDATE discovery_queries q
   SET status = 'posted', task_id = t.task_id, cost = q.cost + CAST(t.cost AS numeric)
  FROM json_to_recordset(CAST(:#posted AS json)) AS t(id uuid, task_id varchar, cost varchar)
 WHERE q.id = t.id
