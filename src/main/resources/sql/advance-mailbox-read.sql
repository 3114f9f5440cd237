-- The mailbox position after a recorded message. It only moves forward while the folder keeps its
-- UIDVALIDITY; a new UIDVALIDITY replaces it.
INSERT INTO mailbox_reads (account, folder, uid_validity, last_uid)
VALUES (CAST(:#account AS text), CAST(:#folder AS text), CAST(:#uidValidity AS bigint), CAST(:#uid AS bigint))
ON CONFLICT (account, folder) DO UPDATE
   SET last_uid     = CASE WHEN mailbox_reads.uid_validity = EXCLUDED.uid_validity
                           THEN greatest(mailbox_reads.last_uid, EXCLUDED.last_uid)
                           ELSE EXCLUDED.last_uid END,
       uid_validity = EXCLUDED.uid_validity,
       updated_at   = now()
