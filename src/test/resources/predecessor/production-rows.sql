-- Rows as the predecessor and the tools around it wrote them: NULL states and counters, old
-- status and contact_method values, payloads in the old code's own shapes, www./upper-case domains.

INSERT INTO jobs (id, user_id, job_type, params, status, result, error_message, created_at, updated_at) VALUES
 ('10000000-0000-0000-0000-000000000001', NULL, 'discover', '{"keywords": "garden lights", "locations": ["usa"], "categories": ["home_decor"], "max_results": 50}', 'completed', '{"saved": 3}', NULL, '2025-01-05 10:00:00+00', '2025-01-05 10:05:00+00'),
 ('10000000-0000-0000-0000-000000000002', '20000000-0000-0000-0000-000000000001', 'enrich', NULL, NULL, NULL, NULL, '2025-01-06 09:00:00+00', NULL),
 ('10000000-0000-0000-0000-000000000003', NULL, 'check_replies', '{}', 'failed', NULL, 'IMAP login failed', NULL, NULL),
 ('10000000-0000-0000-0000-000000000004', NULL, 'score', NULL, 'cancelled', NULL, NULL, '2025-02-01 00:00:00+00', '2025-02-01 00:00:00+00');

INSERT INTO settings (id, key, value, created_at, updated_at) VALUES
 ('30000000-0000-0000-0000-000000000001', 'automation', '{"enabled": true, "automatic_scraper": false, "locations": ["usa", "europe"], "categories": ["home_decor", "holiday"], "keywords": "garden, patio", "max_results": 100}', '2025-01-01 00:00:00+00', '2025-01-02 00:00:00+00'),
 ('30000000-0000-0000-0000-000000000002', 'email_template', '"Hi {name},\n  we loved your post"', NULL, NULL);

INSERT INTO discovery_queries (id, job_id, keyword, location, location_code, category, status, results_found, results_saved, results_skipped_duplicate, results_skipped_existing, error_message, query_metadata, created_at, updated_at) VALUES
 ('40000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000001', 'garden lights', 'usa', 2840, 'home_decor', 'success', 10, 3, 5, 2, NULL, '{"depth": 10}', '2025-01-05 10:01:00+00', '2025-01-05 10:02:00+00'),
 ('40000000-0000-0000-0000-000000000002', '10000000-0000-0000-0000-000000000001', 'patio decor', 'europe', 2036, 'home_decor', 'failed', 0, 0, 0, 0, 'timeout', NULL, '2025-01-05 10:03:00+00', '2025-01-05 10:04:00+00'),
 ('40000000-0000-0000-0000-000000000003', '10000000-0000-0000-0000-000000000001', 'xmas gifts', 'uk', NULL, NULL, 'pending', 0, 0, 0, 0, NULL, NULL, '2025-01-05 10:03:00+00', NULL);

INSERT INTO prospects (id, domain, page_url, page_title, contact_email, contact_method, da_est, score, outreach_status, last_sent, followups_sent, draft_subject, draft_body, dataforseo_payload, hunter_payload, discovery_query_id, created_at, updated_at) VALUES
 ('50000000-0000-0000-0000-000000000001', 'gardenblog.com', 'https://gardenblog.com/lights', 'Best garden lights', 'editor@gardenblog.com', 'hunter_io', 41.50, 72.25, 'sent', '2025-01-07 08:00:00+00', 1, 'Quick idea', 'Hi there', '{"type": "organic", "rank_group": 1, "url": "https://gardenblog.com/lights"}', '{"emails": [{"value": "editor@gardenblog.com", "confidence_score": 0}]}', '40000000-0000-0000-0000-000000000001', '2025-01-05 10:01:30+00', '2025-01-07 08:00:00+00'),
 ('50000000-0000-0000-0000-000000000002', 'WWW.PatioIdeas.net', 'https://www.patioideas.net/', 'Patio ideas', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '{"url": "https://www.patioideas.net/"}', '{"error": "rate limited"}', '40000000-0000-0000-0000-000000000001', '2025-01-05 10:01:31+00', NULL),
 ('50000000-0000-0000-0000-000000000003', 'homedecor.co.uk', NULL, NULL, 'hello@homedecor.co.uk', 'email', NULL, 0, 'replied', '2025-01-08 08:00:00+00', 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 ('50000000-0000-0000-0000-000000000004', 'www.lampsandmore.com', 'https://www.lampsandmore.com/x', 'Lamps', NULL, NULL, 10.00, NULL, 'pending', NULL, 0, NULL, NULL, NULL, NULL, '40000000-0000-0000-0000-000000000002', '2025-01-05 10:03:30+00', '2025-01-05 10:03:30+00');

INSERT INTO email_logs (id, prospect_id, subject, body, response, sent_at) VALUES
 ('60000000-0000-0000-0000-000000000001', '50000000-0000-0000-0000-000000000001', 'Quick idea', 'Hi there', '{"status": "sent", "id": "abc"}', '2025-01-07 08:00:00+00'),
 ('60000000-0000-0000-0000-000000000002', '50000000-0000-0000-0000-000000000001', 'Following up', 'Hello again', NULL, NULL),
 ('60000000-0000-0000-0000-000000000003', '50000000-0000-0000-0000-000000000003', 'Hi', 'Body', '{"status": "sent"}', '2025-01-08 08:00:00+00');
