-- `campaign show`: the campaign's prospects by status.
SELECT outreach_status, count(*) AS n
  FROM prospects
 WHERE campaign_id = :#campaignId
 GROUP BY outreach_status
