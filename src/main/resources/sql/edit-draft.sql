-- An operator edits a draft's subject and text body (checked by sending/DraftRules first). Only a
-- draft not yet claimed for sending: drafted, or approved and still waiting (the claim turns it into
-- 'sending' under a row lock, so an edit and a claim never both win). An edit that changes the text
-- clears the HTML part: that was rendered from the HTML template with the old wording, and sending it
-- beside the new text would put two different messages in one email. The status stays as it was.
UPDATE prospects
   SET draft_html    = CASE WHEN draft_body = :#body THEN draft_html END,
       draft_subject = :#subject,
       draft_body    = :#body
 WHERE id = CAST(:#prospectId AS uuid) AND outreach_status IN ('drafted', 'approved')
RETURNING outreach_status, draft_html IS NOT NULL AS has_html
