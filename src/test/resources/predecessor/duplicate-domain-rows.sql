-- The same sites stored twice: once in another case, once with a leading www., with email_logs on
-- both the older and the newer rows.
INSERT INTO prospects (id, domain, outreach_status, created_at) VALUES
 ('50000000-0000-0000-0000-000000000011', 'GardenBlog.com', 'pending', '2025-03-01 00:00:00+00'),
 ('50000000-0000-0000-0000-000000000012', 'www.homedecor.co.uk', NULL, '2024-12-01 00:00:00+00');
INSERT INTO email_logs (id, prospect_id, subject, sent_at) VALUES
 ('60000000-0000-0000-0000-000000000011', '50000000-0000-0000-0000-000000000011', 'Again', '2025-03-02 00:00:00+00'),
 ('60000000-0000-0000-0000-000000000012', '50000000-0000-0000-0000-000000000012', 'Older', '2024-12-02 00:00:00+00');
