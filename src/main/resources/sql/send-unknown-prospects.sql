-- The console's sending page: prospects whose message may or may not have gone out (send_unknown),
-- each with the attempt that left it so (when, from which address, its Message-ID, the server's last
-- words), oldest first: what the operator needs to look for it in the mailbox's Sent folder.
SELECT p.id::text AS id, p.domain, p.contact_email, p.draft_subject, p.last_error, c.name AS campaign,
       CASE WHEN p.first_sent_at IS NULL THEN 0 ELSE p.followups_sent + 1 END AS step,
       a.created_at AS attempted_at, a.mailbox AS from_address, a.message_id, a.smtp_reply
  FROM prospects p
  JOIN campaigns c ON c.id = p.campaign_id
  LEFT JOIN LATERAL (SELECT s.created_at, s.mailbox, s.message_id, s.smtp_reply FROM send_attempts s
                      WHERE s.prospect_id = p.id AND s.status = 'send_unknown'
                      ORDER BY s.created_at DESC LIMIT 1) a ON true
 WHERE p.outreach_status = 'send_unknown'
 ORDER BY a.created_at NULLS FIRST, p.domain
 LIMIT 500
