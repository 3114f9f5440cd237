-- The mailboxes (of those this instance can send from, a JSON object id -> settings fingerprint) that
-- have a message due: a follow-up of a thread sent from it (a thread from before mailboxes could be
-- chosen came from 'default'), or a first message of an active campaign that names it. A paused
-- campaign's prospects are not counted: its drafts wait. Each row says whether the mailbox is paused
-- for these settings, and why (a pause made with other settings is not honoured).
WITH candidates AS (
    SELECT key AS mailbox, value AS fingerprint FROM jsonb_each_text(CAST(:#mailboxFingerprints AS jsonb)))
SELECT m.mailbox, mp.reason AS paused_because
  FROM candidates m
  LEFT JOIN mailbox_pauses mp ON mp.mailbox = m.mailbox AND mp.settings_fingerprint = m.fingerprint
 WHERE EXISTS (
        SELECT 1 FROM prospects p JOIN campaigns c ON c.id = p.campaign_id AND c.status = 'active'
         WHERE p.outreach_status IN ('followup_due', 'approved') AND p.contact_email IS NOT NULL
           AND (p.next_attempt_at IS NULL OR p.next_attempt_at <= now())
           AND (:#campaignName = '' OR p.campaign_id = (SELECT id FROM campaigns WHERE name = :#campaignName))
           AND CASE WHEN p.first_sent_at IS NULL THEN m.mailbox = ANY (string_to_array(c.mailbox, ','))
                    ELSE coalesce(p.mailbox, 'default') = m.mailbox END)
 ORDER BY m.mailbox
