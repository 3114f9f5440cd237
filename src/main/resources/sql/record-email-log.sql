-- One row per message actually handed to the SMTP server, never before.
INSERT INTO email_logs (prospect_id, subject, body, response)
VALUES (CAST(:#prospectId AS uuid), :#subject, :#textBody, CAST(:#response AS json))
