-- `outreach status`: Hunter calls (provider_calls in enrich jobs' results) since the start of the
-- calendar day or month in UTC (the parameter: 'day' or 'month'), by the day a job was last updated.
SELECT coalesce(sum((result::jsonb ->> 'provider_calls')::int), 0)
  FROM jobs
 WHERE job_type = 'enrich' AND updated_at >= date_trunc(CAST(? AS text), now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
