-- The SMTP server refused the mailbox's login: it sends nothing, on any instance, until an operator
-- clears the pause (outreach mailbox resume ID) or its settings change (another fingerprint).
INSERT INTO mailbox_pauses (mailbox, reason, settings_fingerprint)
VALUES (:#pauseMailbox, :#pauseReason, :#pauseFingerprint)
ON CONFLICT (mailbox) DO UPDATE
   SET reason = EXCLUDED.reason, settings_fingerprint = EXCLUDED.settings_fingerprint, paused_at = now()
