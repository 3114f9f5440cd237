-- `campaign show`: messages handed to the SMTP server for the campaign's prospects, and to how many
-- prospects. email_logs has a row per message sent, the predecessor's sends included.
SELECT count(*) AS messages, count(DISTINCT l.prospect_id) AS prospects
  FROM email_logs l
  JOIN prospects p ON p.id = l.prospect_id
 WHERE p.campaign_id = :#campaignId
