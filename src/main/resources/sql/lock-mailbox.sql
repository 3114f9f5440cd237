-- One sender per mailbox at a time, across every instance: the caps are counted and the next
-- send claimed under this lock, so two daemons cannot both take the last send of the day.
SELECT pg_advisory_xact_lock(hashtext(:#mailbox)) IS NULL AS locked
