UPDATE send_attempts SET status = :#attemptStatus, smtp_reply = :#smtpReply, finished_at = now()
 WHERE id = CAST(:#attemptId AS uuid) AND status = 'sending'
