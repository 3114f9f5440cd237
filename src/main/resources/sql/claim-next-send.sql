-- The next message to send, claimed together with its attempt and Message-ID in one statement and
-- committed before any SMTP traffic. Follow-ups that are due come before new first messages. The
-- step is 0 for a first message, n for the n-th follow-up. The campaign's name, site and templates
-- directory are for a follow-up, rendered in its campaign's pitch.
--
-- It goes out from one of the mailboxes allowed now (a JSON array, the one to use first first): a
-- follow-up from its thread's mailbox only, a first message from the first allowed mailbox its
-- campaign names. Only active campaigns send; a send job for one campaign takes only its prospects.
WITH allowed AS (
    SELECT value AS mailbox, ordinality AS pos
      FROM jsonb_array_elements_text(CAST(:#allowedMailboxes AS jsonb)) WITH ORDINALITY),
next AS (
    SELECT p.id, m.mailbox FROM prospects p
      JOIN campaigns c ON c.id = p.campaign_id AND c.status = 'active'
      CROSS JOIN LATERAL (
            SELECT a.mailbox FROM allowed a
             WHERE CASE WHEN p.first_sent_at IS NULL THEN a.mailbox = ANY (string_to_array(c.mailbox, ','))
                        ELSE a.mailbox = coalesce(p.mailbox, 'default') END
             ORDER BY a.pos LIMIT 1) m
     WHERE p.outreach_status IN ('followup_due', 'approved') AND p.contact_email IS NOT NULL
       AND (p.next_attempt_at IS NULL OR p.next_attempt_at <= now())
       AND (:#campaignName = '' OR p.campaign_id = (SELECT id FROM campaigns WHERE name = :#campaignName))
       -- suppressed since the job set the suppressed ones aside (an unsubscribe a moment ago)
       AND NOT EXISTS (SELECT 1 FROM suppressions s
                        WHERE s.email = lower(p.contact_email) OR s.domain = p.domain
                           OR s.domain = lower(split_part(p.contact_email, '@', 2)))
     ORDER BY (p.outreach_status = 'followup_due') DESC, p.approved_at NULLS LAST, p.created_at, p.id
     LIMIT 1
       FOR UPDATE OF p SKIP LOCKED),
claimed AS (
    UPDATE prospects p SET outreach_status = 'sending', send_attempts = p.send_attempts + 1
      FROM next WHERE p.id = next.id
    RETURNING p.id, p.contact_email, p.contact_name, p.domain, p.draft_subject, p.draft_body, p.draft_html,
              p.send_attempts, p.campaign_id, next.mailbox AS mailbox_id,
              CASE WHEN p.first_sent_at IS NULL THEN 0 ELSE p.followups_sent + 1 END AS step),
attempt AS (
    INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, claimed_by)
    SELECT id, step,
           '<' || gen_random_uuid() || '@'
               || split_part(CAST(:#mailboxAddresses AS jsonb) ->> mailbox_id, '@', 2) || '>',
           CAST(:#mailboxAddresses AS jsonb) ->> mailbox_id, :#worker
      FROM claimed
    RETURNING id, prospect_id, message_id)
SELECT c.id::text AS id, c.contact_email, c.contact_name, c.domain, c.draft_subject, c.draft_body, c.draft_html,
       c.send_attempts, c.step, c.mailbox_id, a.id::text AS attempt_id, a.message_id,
       (SELECT string_agg(s.message_id, ' ' ORDER BY s.step)
          FROM send_attempts s WHERE s.prospect_id = c.id AND s.status = 'sent') AS earlier_message_ids,
       cp.name AS campaign_name, cp.site_url AS campaign_site_url, cp.templates_dir AS campaign_templates_dir
  FROM claimed c JOIN attempt a ON a.prospect_id = c.id
  JOIN campaigns cp ON cp.id = c.campaign_id
