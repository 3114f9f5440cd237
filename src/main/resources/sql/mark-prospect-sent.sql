-- The operator checked the mailbox's Sent folder: a message whose delivery was unknown (send_unknown)
-- did go out. Recorded as the send stage records an accepted message (record-attempt.sql,
-- record-email-log.sql, record-send-outcome.sql), in one statement: its attempt becomes 'sent' (so it
-- counts against the caps as it did, and its Message-ID threads the follow-ups), a row in email_logs,
-- and the prospect 'sent' from the time of the attempt, with its thread's mailbox and follow-up count,
-- so mark-due-followups.sql schedules its follow-ups from that time as after a real send. A follow-up's
-- text was rendered at send time and is not kept: its log row has the subject and no body.
-- A prospect with no attempt on record (the predecessor's) is taken as sent now.
-- Parameters: prospectId, mailboxAddresses (JSON object mailbox id → From address), markedBy.
WITH p AS (
    SELECT id, campaign_id, first_sent_at, followups_sent, draft_subject, draft_body
      FROM prospects
     WHERE id = CAST(:#prospectId AS uuid) AND outreach_status = 'send_unknown'
       FOR UPDATE),
a AS (
    SELECT s.id, s.step, s.message_id, s.mailbox, s.created_at
      FROM send_attempts s JOIN p ON s.prospect_id = p.id
     WHERE s.status = 'send_unknown'
     ORDER BY s.created_at DESC LIMIT 1),
facts AS (
    SELECT p.id, coalesce(a.step, CASE WHEN p.first_sent_at IS NULL THEN 0 ELSE p.followups_sent + 1 END) AS step,
           coalesce(a.created_at, now()) AS sent_at, a.id AS attempt_id, a.message_id,
           coalesce((SELECT m.key FROM jsonb_each_text(CAST(:#mailboxAddresses AS jsonb)) m
                      WHERE lower(m.value) = lower(a.mailbox) LIMIT 1),
                    split_part(c.mailbox, ',', 1)) AS mailbox_id,
           p.draft_subject, p.draft_body
      FROM p LEFT JOIN a ON true
      JOIN campaigns c ON c.id = p.campaign_id),
attempt AS (
    UPDATE send_attempts s
       SET status = 'sent',
           smtp_reply = 'marked sent by ' || CAST(:#markedBy AS text) || ' (the message was found in the Sent folder); '
                        || coalesce(s.smtp_reply, '')
      FROM facts f
     WHERE s.id = f.attempt_id
    RETURNING s.id),
moved AS (
    UPDATE prospects x
       SET outreach_status = 'sent',
           last_sent       = f.sent_at,
           first_sent_at   = coalesce(x.first_sent_at, f.sent_at),
           mailbox         = CASE WHEN x.first_sent_at IS NULL THEN f.mailbox_id ELSE x.mailbox END,
           followups_sent  = x.followups_sent + CASE WHEN f.step = 0 THEN 0 ELSE 1 END,
           send_attempts   = 0,
           next_attempt_at = NULL,
           last_error      = NULL
      FROM facts f
     WHERE x.id = f.id AND x.outreach_status = 'send_unknown'
    RETURNING x.id),
log AS (
    INSERT INTO email_logs (prospect_id, subject, body, response, sent_at)
    SELECT f.id, CASE WHEN f.step = 0 THEN f.draft_subject ELSE 'Re: ' || f.draft_subject END,
           CASE WHEN f.step = 0 THEN f.draft_body END,
           json_build_object('message_id', f.message_id,
                             'smtp_reply', 'marked sent by ' || CAST(:#markedBy AS text),
                             'kind', CASE WHEN f.step = 0 THEN 'initial' ELSE 'followup' END,
                             'step', f.step),
           f.sent_at
      FROM facts f JOIN moved m ON m.id = f.id
    RETURNING prospect_id)
SELECT f.id::text AS id, f.step, f.message_id, f.sent_at
  FROM facts f JOIN moved m ON m.id = f.id
