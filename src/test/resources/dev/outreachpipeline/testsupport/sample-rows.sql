-- Rows in every table of the schema, chosen to break a careless CSV round trip: json whose
-- whitespace and escapes must survive byte for byte, a json null next to an SQL NULL, empty
-- strings next to NULLs, commas, quotes, newlines (LF and CRLF), tabs, a lone \. (COPY's
-- end-of-data marker), non-ASCII text, timestamps with microseconds in an odd time zone.

INSERT INTO jobs (id, user_id, job_type, params, status, result, error_message, created_at, updated_at) VALUES
 ('00000000-0000-4000-8000-00000000000a', NULL, 'discovery',
  '{ "keywords" :  ["a,b", "c\"d"],
     "ünïcode": "naïve ☃ 😀",	"n": 1.50 }',
  'done', 'null', E'line one\nline two, "quoted", back\\slash',
  '2024-02-29 23:59:59.123456+05:30', '2024-03-01 00:00:00+00'),
 ('00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-0000000000ff', 'enrichment', NULL, 'pending', NULL, NULL,
  DEFAULT, DEFAULT);

INSERT INTO discovery_queries (id, job_id, keyword, location, location_code, category, status, results_found, query_metadata) VALUES
 ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-00000000000a', 'shoes, "red"', 'Zürich', 2756, NULL,
  'done', 12, '[ ]'),
 ('00000000-0000-4000-8000-0000000000d2', '00000000-0000-4000-8000-00000000000a', E'multi\nline', '', NULL, 'blogs',
  DEFAULT, DEFAULT, '{"raw":"\u00e9"}');

INSERT INTO prospects (id, domain, page_url, page_title, contact_email, da_est, score, outreach_status, last_sent,
                       followups_sent, draft_subject, draft_body, dataforseo_payload, hunter_payload, discovery_query_id) VALUES
 ('00000000-0000-4000-8000-0000000000a1', 'example.com', 'https://example.com/a?b=1,2', E'Title with\ttab and \r\n CRLF',
  'ann@example.com', 12.34, NULL, 'sent', '2024-01-02 03:04:05.678901+00', 2, '\.', E'Hi,\n\\.\n"Bye"',
  '{"a":   {"b" : [ ]}}', 'null', '00000000-0000-4000-8000-0000000000d1'),
 ('00000000-0000-4000-8000-0000000000a2', 'bücher.de', NULL, '', NULL, NULL, 0, DEFAULT, NULL, DEFAULT, NULL, '',
  NULL, NULL, NULL);

-- Through the BEFORE UPDATE trigger, so updated_at differs from created_at.
UPDATE prospects SET score = 1.5 WHERE id = '00000000-0000-4000-8000-0000000000a2';

INSERT INTO email_logs (id, prospect_id, subject, body, response, sent_at) VALUES
 ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000a1', 'Re: "links", please',
  E'Body\r\nwith CRLF', '{"status": 250, "msg": "OK \" quoted"}', '2024-01-02 03:04:06+00'),
 ('00000000-0000-4000-8000-0000000000e2', '00000000-0000-4000-8000-0000000000a1', NULL, NULL, NULL, NULL);

INSERT INTO settings (id, key, value) VALUES
 ('00000000-0000-4000-8000-0000000000c1', 'daily_limit', '  42  '),
 ('00000000-0000-4000-8000-0000000000c2', 'weird key, "q"', E'{"nested":\n {"x": null, "y": "\\u2603"}}'),
 ('00000000-0000-4000-8000-0000000000c3', 'unset', NULL);

INSERT INTO prospects_merged (id, merged_into, domain, row_data, merged_at) VALUES
 ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000a1', 'example.com',
  '{"id": "00000000-0000-4000-8000-0000000000b1", "domain": "WWW.Example.com", "page_title": "old, \"quoted\""}',
  '2023-12-31 23:59:59.999999+00');
