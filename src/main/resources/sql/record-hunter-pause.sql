-- Hunter said the quota is spent (or the account is restricted): no worker of any instance calls
-- it again before this date.
INSERT INTO provider_pauses (provider, until, reason)
VALUES ('hunter', CAST(:#pauseUntil AS timestamptz), :#pauseReason)
ON CONFLICT (provider) DO UPDATE SET until = EXCLUDED.until, reason = EXCLUDED.reason, created_at = now()
