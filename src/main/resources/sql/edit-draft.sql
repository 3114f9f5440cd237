-- An operator edits a draft's subject and text body (checked by sending/DraftRules first). Only a
-- draft not yet claimed for sending: drafted, or approved and still waiting (the claim turns it into
-- 'sending' under a row lock, so an edit and a claim never both win). The HTML part must never say
-- something the text does not: an unchanged text keeps it; a changed text replaces it with html (made
-- from the new text by drafting/HtmlFromText) when the stored HTML is generatedHtml (the one HtmlFromText
-- makes from the text as it was read just before, so a concurrent edit cannot slip through), and
-- otherwise clears it: that one was rendered from a campaign's HTML template with the old wording.
-- The status stays as it was.
UPDATE prospects
   SET draft_html    = CASE WHEN draft_body = :#body THEN draft_html
                            WHEN draft_html = CAST(:#generatedHtml AS text) THEN CAST(:#html AS text)
                       END,
       draft_subject = :#subject,
       draft_body    = :#body
 WHERE id = CAST(:#prospectId AS uuid) AND outreach_status IN ('drafted', 'approved')
RETURNING outreach_status, draft_html IS NOT NULL AS has_html,
          draft_html IS NOT NULL AND draft_html = CAST(:#html AS text) AS html_from_text
