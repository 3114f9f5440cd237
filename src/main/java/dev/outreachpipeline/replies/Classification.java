package dev.outreachpipeline.replies;

import java.util.List;

/** What a received message is to us, before the database says whether it is about one of our messages. */
public sealed interface Classification {

    /** The name this kind of message is counted under in a check_replies job's result. */
    String outcome();

    /** The ids to look for among the Message-IDs we sent, nearest first; empty when there is nothing to look for. */
    List<String> messageIds();

    /** What it says, when it is about one of ours and can say something; null for an unrelated message. */
    ReplyVerdict verdict();

    /**
     * A person answered: the prospect has replied. The verdict says whether they are interested, not
     * interested, ask to be removed, are away, or need a person to read it.
     */
    record Reply(List<String> messageIds, ReplyVerdict verdict) implements Classification {
        public Reply {
            messageIds = List.copyOf(messageIds);
        }

        @Override
        public String outcome() {
            return "reply";
        }
    }

    /**
     * A machine answered for the person: counted, not a reply. Out of office (the verdict's class):
     * the follow-ups wait until the verdict's snoozeUntil; any other automatic reply changes nothing.
     */
    record AutoReply(List<String> messageIds, List<String> signals, ReplyVerdict verdict) implements Classification {
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

        @Override
        public ReplyVerdict verdict() {
            var signals = new java.util.ArrayList<String>();
            signals.add(
                    "delivery report " + (status == null ? "without status" : status) + (hard ? " (hard)" : " (soft)"));
            if (diagnostic != null) {
                signals.add(diagnostic);
            }
            return new ReplyVerdict(ReplyClass.BOUNCE, signals, null, null, null);
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

        @Override
        public ReplyVerdict verdict() {
            return null;
        }
    }
}
