-- The sandbox's numbers per stage and per campaign, for its progress lines and its summary, read in
-- one statement so they agree with each other (SandboxFacts reads the columns in this order). One row
-- per campaign, by name; a discovery query counts for the campaign of its job (a job recorded without
-- a campaign counts for 'default').
WITH q AS (
    SELECT coalesce(c.name, 'default') AS campaign, dq.status, dq.api_calls, dq.results_found
    FROM discovery_queries dq
    JOIN jobs j ON j.id = dq.job_id
    LEFT JOIN campaigns c ON c.id = j.campaign_id
), p AS (
    SELECT c.name AS campaign, pr.*
    FROM prospects pr
    JOIN campaigns c ON c.id = pr.campaign_id
), m AS (
    SELECT c.name AS campaign, el.response ->> 'kind' AS kind
    FROM email_logs el
    JOIN prospects pr ON pr.id = el.prospect_id
    JOIN campaigns c ON c.id = pr.campaign_id
)
SELECT c.name,
       (SELECT count(*) FROM q WHERE q.campaign = c.name),
       (SELECT count(*) FROM q WHERE q.campaign = c.name AND status IN ('success', 'failed', 'skipped')),
       (SELECT count(*) FROM q WHERE q.campaign = c.name AND api_calls > 0),
       (SELECT coalesce(sum(api_calls), 0) FROM q WHERE q.campaign = c.name),
       (SELECT coalesce(sum(results_found), 0) FROM q WHERE q.campaign = c.name),
       (SELECT count(*) FROM p WHERE p.campaign = c.name),
       (SELECT count(*) FROM p WHERE p.campaign = c.name
                                 AND (hunter_payload IS NOT NULL OR outreach_status NOT IN ('pending', 'enriching'))),
       (SELECT count(*) FROM p WHERE p.campaign = c.name AND contact_email IS NOT NULL),
       (SELECT count(*) FROM p WHERE p.campaign = c.name AND outreach_status = 'no_email'),
       (SELECT count(*) FROM p WHERE p.campaign = c.name AND drafted_at IS NOT NULL),
       (SELECT count(*) FROM m WHERE m.campaign = c.name AND kind = 'initial'),
       (SELECT count(*) FROM m WHERE m.campaign = c.name AND kind = 'followup'),
       (SELECT count(*) FROM m WHERE m.campaign = c.name)
FROM campaigns c
ORDER BY c.created_at, c.name
