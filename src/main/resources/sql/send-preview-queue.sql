-- `send --dry-run`: the next prospects the send stage would take, follow-ups first, each with the
-- suppression entry (address or domain) that would stop it, if any, its campaign's status, and the
-- mailboxes it may go out from: its thread's for a follow-up (NULL = a thread from before mailboxes
-- could be chosen: 'default'), its campaign's list for a first message. Parameter: a campaign id or
-- NULL for every campaign.
SELECT p.contact_email, p.domain, p.outreach_status, p.followups_sent, p.first_sent_at IS NOT NULL AS followup,
       p.next_attempt_at, q.location_code, c.name AS campaign, c.status AS campaign_status,
       CASE WHEN p.first_sent_at IS NULL THEN c.mailbox ELSE coalesce(p.mailbox, 'default') END AS mailboxes,
       (SELECT coalesce(s.email, s.domain) || ' (' || s.reason || ')' FROM suppressions s
         WHERE s.email = lower(p.contact_email) OR s.domain = p.domain
            OR s.domain = lower(split_part(p.contact_email, '@', 2)) LIMIT 1) AS suppressed_by
  FROM prospects p
  JOIN campaigns c ON c.id = p.campaign_id
  LEFT JOIN discovery_queries q ON q.id = p.discovery_query_id
 WHERE p.outreach_status IN ('followup_due', 'approved')
   AND (CAST(:#campaignId AS uuid) IS NULL OR p.campaign_id = CAST(:#campaignId AS uuid))
 ORDER BY (p.outreach_status = 'followup_due') DESC, p.approved_at NULLS LAST, p.created_at, p.id
 LIMIT 200
