-- The send attempt, and its prospect, that a received message is about: the first of the ids it
-- names (nearest first) that is the Message-ID of one of our messages. None when it names none of
-- ours, or when it is a copy of one of our own messages (its own Message-ID is ours).
WITH ids AS (
    SELECT value AS message_id, ordinality AS pos
      FROM jsonb_array_elements_text(CAST(:#messageIds AS jsonb)) WITH ORDINALITY)
SELECT a.prospect_id::text AS prospect_id, a.message_id, p.outreach_status
  FROM ids
  JOIN send_attempts a ON a.message_id = ids.message_id
  JOIN prospects p ON p.id = a.prospect_id
 WHERE NOT EXISTS (SELECT 1 FROM send_attempts own WHERE own.message_id = CAST(:#ownMessageId AS text))
 ORDER BY ids.pos
 LIMIT 1
