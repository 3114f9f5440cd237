-- `outreach mailbox list`: every paused mailbox, why, since when, and with which settings.
SELECT mailbox, reason, settings_fingerprint, paused_at FROM mailbox_pauses ORDER BY mailbox
