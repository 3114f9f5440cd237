package dev.outreachpipeline.replies;

import java.util.List;

/** What a received message is to us, before the database says whether it is about one of our messages. */
public sealed interface Classification {

    /** The name this kind of message is counted under in a check_replies job's result. */
    String outcome();

    /** The ids to look for among the Message-IDs we sent, nearest first; empty when there is nothing to look for. */
    List<String> messageIds();

    /** A person answered: the prospect has replied. */
    record Reply(List<String> messageIds) implements Classification {
        public Reply {
            messageIds = List.copyOf(messageIds);
        }

        @Override
        public String outcome() {
            return "reply";
        }
    }

    /** A machine answered for the person (out of office, vacation): counted, the prospect unchanged. */
    record AutoReply(List<String> messageIds, List<String> signals) implements Classification {
        public AutoReply {
            messageIds = List.copyOf(messageIds);
            signals = List.copyOf(signals);
        }

        @Override
        public String outcome() {
            return "auto_reply";
        }
    }

    /**
     * A delivery status notification saying our message did not arrive. Hard (status 5.x.x): the address
     * does not take mail, so it is suppressed. Soft (4.x.x, or no usable status): counted only.
     */
    record Bounce(
            boolean hard,
            String status,
            String recipient,
            String originalMessageId,
            String diagnostic,
            List<String> messageIds)
            implements Classification {
        public Bounce {
            messageIds = List.copyOf(messageIds);
        }

        @Override
        public String outcome() {
            return hard ? "hard_bounce" : "soft_bounce";
        }
    }

    /** Anything else: left alone. */
    record Unrelated(String reason) implements Classification {
        @Override
        public String outcome() {
            return "unrelated";
        }

        @Override
        public List<String> messageIds() {
            return List.of();
        }
    }
}
