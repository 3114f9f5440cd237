-- The funnel: how many prospects reached each step, for one campaign or (a null campaign id) all, and
-- only those discovered since a time (null: every one). The one definition `campaign show`, the API's
-- /funnel and the console's overview share. A prospect counts in every step it reached, however it
-- ended: one sent that then replied is in sent and replied; one rejected, skipped or suppressed counts
-- up to where it stopped.
--   discovered  every prospect discovery saved
--   enriched    a contact address was found: it got past enrichment (not pending, enriching, no_email,
--               do_not_contact or enrich_failed)
--   drafted     a draft was written (drafted, or any status a draft leads to: rejected, approved, sending,
--               sent…)
--   approved    the operator approved it (approved, or any status after approval, including skipped and
--               suppressed: approved but held back before sending)
--   sent        at least one message was accepted by the SMTP server (its first send time is recorded,
--               or the predecessor's last send); send_unknown alone does not count, its outcome is unknown
--   replied     a person answered
--   link_live   sent, and a link placement of it was live at its last check (live or live_nofollow); a link
--               placed after a reply that reached us another way counts here without counting in replied
SELECT count(*) AS discovered,
       count(*) FILTER (WHERE p.outreach_status NOT IN ('pending', 'enriching', 'no_email', 'do_not_contact',
                                                        'enrich_failed'))                              AS enriched,
       count(*) FILTER (WHERE p.outreach_status IN ('drafted', 'rejected', 'approved', 'skipped', 'suppressed', 'sending',
                                                    'sent', 'send_unknown', 'failed', 'followup_due', 'replied',
                                                    'bounced', 'unsubscribed'))                       AS drafted,
       count(*) FILTER (WHERE p.outreach_status IN ('approved', 'skipped', 'suppressed', 'sending', 'sent',
                                                    'send_unknown', 'failed', 'followup_due', 'replied',
                                                    'bounced', 'unsubscribed'))                       AS approved,
       count(*) FILTER (WHERE p.first_sent_at IS NOT NULL OR p.last_sent IS NOT NULL
                           OR p.outreach_status IN ('sent', 'followup_due', 'replied'))               AS sent,
       count(*) FILTER (WHERE p.outreach_status = 'replied')                                          AS replied,
       count(*) FILTER (WHERE (p.first_sent_at IS NOT NULL OR p.last_sent IS NOT NULL
                               OR p.outreach_status IN ('sent', 'followup_due', 'replied'))
                          AND EXISTS (SELECT 1 FROM link_placements l
                                       WHERE l.prospect_id = p.id AND l.status IN ('live', 'live_nofollow'))) AS link_live
  FROM prospects p
 WHERE (CAST(:#campaignId AS uuid) IS NULL OR p.campaign_id = CAST(:#campaignId AS uuid))
   AND (CAST(:#since AS timestamptz) IS NULL OR p.created_at >= CAST(:#since AS timestamptz))
