package dev.outreachpipeline.sending;

import java.util.Objects;

/**
 * What one attempt to hand a message to the SMTP server came to, already classified (see
 * {@link SmtpClassifier}), so that the sending route only decides what to do next. Each failure
 * carries {@code reply}: the server's reply on one line, or what went wrong on the way to it.
 */
public sealed interface SmtpOutcome {

    /** The server took the message (2xx after the data). */
    record Sent() implements SmtpOutcome {}

    /**
     * The server did not take the message this time (421, 450, 451, 452, 454 or another 4xx), or it
     * could not be reached, or the connection failed before the message's data was sent. Nothing was
     * delivered: send it again later, after a pause.
     */
    record Temporary(String reply) implements SmtpOutcome {
        public Temporary {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /**
     * The recipient's mailbox does not exist or cannot take mail (a 5xx reply with an enhanced status
     * 5.1.x about the recipient, e.g. "550 5.1.1 User unknown"). Suppress the address: never write to
     * it again.
     */
    record BadMailbox(String reply) implements SmtpOutcome {
        public BadMailbox {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** The server refused the message for good (any other 5xx). Do not send it again as it is. */
    record Permanent(String reply) implements SmtpOutcome {
        public Permanent {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /**
     * It cannot be told whether the server took the message: the connection was lost or timed out
     * once the data had been sent (the server may have accepted it before its reply was lost), or the
     * failure was of a kind not recognised. Never send it again automatically: a person decides.
     */
    record Unknown(String reply) implements SmtpOutcome {
        public Unknown {
            Objects.requireNonNull(reply, "reply");
        }
    }
}
