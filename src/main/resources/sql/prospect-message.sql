-- What a prospect's first message is made of, for showing it as it would be sent: the draft, the
-- address it goes to and the mailboxes its campaign sends from.
SELECT p.id::text AS id, p.outreach_status, p.contact_email, p.draft_subject, p.draft_body, p.draft_html,
       c.mailbox AS campaign_mailboxes
  FROM prospects p
  JOIN campaigns c ON c.id = p.campaign_id
 WHERE p.id = CAST(:#prospectId AS uuid)
