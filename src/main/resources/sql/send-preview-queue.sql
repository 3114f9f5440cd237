-- `send --dry-run`: the next prospects the send stage would take, follow-ups first, each with the
-- suppression entry (address or domain) that would stop it, if any.
SELECT p.contact_email, p.domain, p.outreach_status, p.followups_sent, p.first_sent_at IS NOT NULL AS followup,
       p.next_attempt_at, q.location_code,
       (SELECT coalesce(s.email, s.domain) || ' (' || s.reason || ')' FROM suppressions s
         WHERE s.email = lower(p.contact_email) OR s.domain = p.domain
            OR s.domain = lower(split_part(p.contact_email, '@', 2)) LIMIT 1) AS suppressed_by
  FROM prospects p LEFT JOIN discovery_queries q ON q.id = p.discovery_query_id
 WHERE p.outreach_status IN ('followup_due', 'approved')
 ORDER BY (p.outreach_status = 'followup_due') DESC, p.approved_at NULLS LAST, p.created_at, p.id
 LIMIT 200
