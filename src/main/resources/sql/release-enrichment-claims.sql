-- Claimed but not looked up (Hunter paused): back to pending, untouched otherwise.
UPDATE prospects SET outreach_status = 'pending'
 WHERE outreach_status = 'enriching'
   AND id IN (SELECT CAST(json_array_elements_text(CAST(:#claimedIds AS json)) AS uuid))
