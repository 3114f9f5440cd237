INSERT INTO suppressions (email, reason, source)
SELECT lower(CAST(:#contactEmail AS text)), 'bounced', 'SMTP reply: ' || CAST(:#smtpReply AS text)
 WHERE CAST(:#attemptStatus AS text) = 'bounced'
ON CONFLICT DO NOTHING
