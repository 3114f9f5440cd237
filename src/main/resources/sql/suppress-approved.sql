-- Approved prospects whose address or domain is suppressed are never sent to.
UPDATE prospects p
   SET outreach_status = 'suppressed', last_error = 'not sent: ' || s.reason || ' (' || coalesce(s.email, s.domain) || ')'
  FROM suppressions s
 WHERE p.outreach_status IN ('approved', 'followup_due')
   AND (s.email = lower(p.contact_email) OR s.domain = p.domain OR s.domain = lower(split_part(p.contact_email, '@', 2)))
