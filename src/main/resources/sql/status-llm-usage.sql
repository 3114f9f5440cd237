-- `outreach status`: the LLM writer's calls, tokens and reported cost since the start of the
-- calendar day or month in UTC (the parameter: 'day' or 'month'), from llm_usage (one row per draft
-- the LLM was asked for). The cost is null when no call of the period reported one.
SELECT count(*) AS drafts_asked,
       count(*) FILTER (WHERE outcome = 'llm') AS llm_drafts,
       coalesce(sum(calls), 0) AS calls,
       coalesce(sum(tokens_in), 0) AS tokens_in,
       coalesce(sum(tokens_out), 0) AS tokens_out,
       sum(cost_usd) AS cost_usd
  FROM llm_usage
 WHERE at >= date_trunc(CAST(? AS text), now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
