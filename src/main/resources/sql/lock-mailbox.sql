-- One sender per mailbox at a time, across every instance: a mailbox's caps are counted and the next
-- send claimed under its lock (keyed by its From address), so two daemons cannot both take its last
-- send of the day. The mailboxes a send may go from are locked together, always in the order of their
-- addresses, so that two senders never hold one each while waiting for the other's.
SELECT count(*) AS locked
  FROM (SELECT pg_advisory_xact_lock(hashtext(address))
          FROM (SELECT DISTINCT value AS address
                  FROM jsonb_array_elements_text(CAST(:#addresses AS jsonb)) ORDER BY 1) ordered) locks
