-- The next message to send, claimed together with its attempt and Message-ID in one statement and
-- committed before any SMTP traffic. Follow-ups that are due come before new first messages. The
-- step is 0 for a first message, n for the n-th follow-up. The campaign's name, site and templates
-- directory are for a follow-up, rendered in its campaign's pitch.
WITH next AS (
    SELECT id FROM prospects
     WHERE outreach_status IN ('followup_due', 'approved') AND contact_email IS NOT NULL
       AND (next_attempt_at IS NULL OR next_attempt_at <= now())
       -- suppressed since the job set the suppressed ones aside (an unsubscribe a moment ago)
       AND NOT EXISTS (SELECT 1 FROM suppressions s
                        WHERE s.email = lower(prospects.contact_email) OR s.domain = prospects.domain
                           OR s.domain = lower(split_part(prospects.contact_email, '@', 2)))
     ORDER BY (outreach_status = 'followup_due') DESC, approved_at NULLS LAST, created_at, id
     LIMIT 1
       FOR UPDATE SKIP LOCKED),
claimed AS (
    UPDATE prospects p SET outreach_status = 'sending', send_attempts = p.send_attempts + 1
      FROM next WHERE p.id = next.id
    RETURNING p.id, p.contact_email, p.contact_name, p.domain, p.draft_subject, p.draft_body, p.draft_html,
              p.send_attempts, p.campaign_id, CASE WHEN p.first_sent_at IS NULL THEN 0 ELSE p.followups_sent + 1 END AS step),
attempt AS (
    INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, claimed_by)
    SELECT id, step, '<' || gen_random_uuid() || '@' || :#senderDomain || '>', :#mailbox, :#worker FROM claimed
    RETURNING id, prospect_id, message_id)
SELECT c.id::text AS id, c.contact_email, c.contact_name, c.domain, c.draft_subject, c.draft_body, c.draft_html,
       c.send_attempts, c.step, a.id::text AS attempt_id, a.message_id,
       (SELECT string_agg(s.message_id, ' ' ORDER BY s.step)
          FROM send_attempts s WHERE s.prospect_id = c.id AND s.status = 'sent') AS earlier_message_ids,
       cp.name AS campaign_name, cp.site_url AS campaign_site_url, cp.templates_dir AS campaign_templates_dir
  FROM claimed c JOIN attempt a ON a.prospect_id = c.id
  JOIN campaigns cp ON cp.id = c.campaign_id
