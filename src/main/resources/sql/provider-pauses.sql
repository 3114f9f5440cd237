-- The provider pauses in force (a spent quota, a restricted account): no worker of any instance
-- calls that provider before `until`.
SELECT provider, until, reason, created_at AS set_at
  FROM provider_pauses
 WHERE until > now()
 ORDER BY provider
