-- Every status a prospect has in this database (old rows may hold one the code no longer sets).
SELECT DISTINCT outreach_status FROM prospects WHERE outreach_status IS NOT NULL
