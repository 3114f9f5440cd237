-- `outreach status`: DataForSEO calls and cost (as it reported them) since the start of the
-- calendar day or month in UTC (the parameter: 'day' or 'month'), by the day a query was last updated.
SELECT coalesce(sum(api_calls), 0), coalesce(sum(cost), 0)
  FROM discovery_queries
 WHERE updated_at >= date_trunc(CAST(? AS text), now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
