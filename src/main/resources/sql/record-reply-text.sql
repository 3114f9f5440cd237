-- A message about one of ours, classified, kept for the operator: when and from whom it came, its
-- class and why, and the person's own text (quoted history removed, control characters stripped,
-- size-limited). A message read again (a check that failed after reading it) is kept once, by its
-- Message-ID (or, without one, its place in the mailbox: imap:account/folder/uidvalidity/uid).
-- The prospect remembers the class of its newest reply.
WITH kept AS (
    INSERT INTO replies (prospect_id, received_at, from_address, subject, class, reason, text, message_id, return_date)
    VALUES (CAST(:#prospectId AS uuid), coalesce(CAST(:#receivedAt AS timestamptz), now()), CAST(:#fromAddress AS text),
            CAST(:#subject AS text), CAST(:#replyClass AS text), CAST(:#reason AS text), CAST(:#replyText AS text),
            CAST(:#replyKey AS text), CAST(:#returnDate AS date))
    ON CONFLICT (message_id) DO NOTHING
    RETURNING prospect_id, class)
UPDATE prospects p
   SET last_reply_class = kept.class
  FROM kept
 WHERE p.id = kept.prospect_id
