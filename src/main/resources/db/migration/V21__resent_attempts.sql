-- An operator who decides to send again a message whose outcome was unknown (`prospects resend`) closes
-- its attempt as 'resent'. The attempt keeps counting against the mailbox's caps (the message may have
-- gone out), but it no longer holds the prospect's step in the at-most-once index, so the new attempt
-- for the same step can be claimed (before this, the resent prospect's claim hit that index).
ALTER TABLE send_attempts DROP CONSTRAINT send_attempts_known_status;
ALTER TABLE send_attempts ADD CONSTRAINT send_attempts_known_status
    CHECK (status IN ('sending', 'sent', 'temporary', 'bounced', 'failed', 'send_unknown', 'resent'));
