-- A message went out from the mailbox, so its login works again (its settings were changed): a pause
-- made with the old settings is gone. Also `outreach mailbox resume ID`.
DELETE FROM mailbox_pauses WHERE mailbox = :#mailboxId
