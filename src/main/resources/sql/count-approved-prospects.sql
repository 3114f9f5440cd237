-- The sandbox: approved prospects still waiting for their send.
SELECT count(*) FROM prospects WHERE outreach_status = 'approved'
