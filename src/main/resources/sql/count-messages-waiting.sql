-- The send schedule enqueues a send job only when a first message or a follow-up waits.
SELECT count(*) AS waiting FROM prospects WHERE outreach_status IN ('approved', 'followup_due')
