-- `outreach status`: prospects enriched since the start of the calendar day or month in UTC
-- (the parameter: 'day' or 'month').
SELECT count(*) FROM prospects
 WHERE enriched_at >= date_trunc(CAST(? AS text), now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
