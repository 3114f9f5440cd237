-- The sandbox's numbers per stage, for its progress lines and its summary, read in one statement so
-- they agree with each other (SandboxFacts reads the columns in this order).
SELECT (SELECT count(*) FROM discovery_queries),
       (SELECT count(*) FROM discovery_queries WHERE status IN ('success', 'failed', 'skipped')),
       (SELECT count(*) FROM discovery_queries WHERE api_calls > 0),
       (SELECT coalesce(sum(api_calls), 0) FROM discovery_queries),
       (SELECT coalesce(sum(results_found), 0) FROM discovery_queries),
       (SELECT count(*) FROM prospects),
       (SELECT count(*) FROM prospects WHERE hunter_payload IS NOT NULL
                                          OR outreach_status NOT IN ('pending', 'enriching')),
       (SELECT count(*) FROM prospects WHERE contact_email IS NOT NULL),
       (SELECT count(*) FROM prospects WHERE outreach_status = 'no_email'),
       (SELECT count(*) FROM prospects WHERE drafted_at IS NOT NULL),
       (SELECT count(*) FROM email_logs WHERE response ->> 'kind' = 'initial'),
       (SELECT count(*) FROM email_logs WHERE response ->> 'kind' = 'followup'),
       (SELECT count(*) FROM email_logs)
