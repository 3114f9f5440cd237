-- The next approved prospect, claimed for sending together with its attempt and Message-ID, in
-- one statement; committed before any SMTP traffic.
WITH next AS (
    SELECT id FROM prospects
     WHERE outreach_status = 'approved' AND contact_email IS NOT NULL
       AND (next_attempt_at IS NULL OR next_attempt_at <= now())
     ORDER BY approved_at NULLS LAST, created_at, id
     LIMIT 1
       FOR UPDATE SKIP LOCKED),
claimed AS (
    UPDATE prospects p SET outreach_status = 'sending', send_attempts = p.send_attempts + 1
      FROM next WHERE p.id = next.id
    RETURNING p.id, p.contact_email, p.contact_name, p.domain, p.draft_subject, p.draft_body, p.draft_html,
              p.send_attempts),
attempt AS (
    INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, claimed_by)
    SELECT id, 0, '<' || gen_random_uuid() || '@' || :#senderDomain || '>', :#mailbox, :#worker FROM claimed
    RETURNING id, prospect_id, message_id)
SELECT c.id::text AS id, c.contact_email, c.contact_name, c.domain, c.draft_subject, c.draft_body, c.draft_html,
       c.send_attempts, a.id::text AS attempt_id, a.message_id
  FROM claimed c JOIN attempt a ON a.prospect_id = c.id
