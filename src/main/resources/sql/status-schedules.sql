-- `outreach status`: the clustered Quartz schedules and when each fires next (epoch milliseconds).
SELECT trigger_name, trigger_state, next_fire_time FROM qrtz_triggers
 ORDER BY next_fire_time NULLS LAST, trigger_name
