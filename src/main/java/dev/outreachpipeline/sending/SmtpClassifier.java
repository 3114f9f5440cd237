package dev.outreachpipeline.sending;

import dev.outreachpipeline.sending.SmtpOutcome.BadMailbox;
import dev.outreachpipeline.sending.SmtpOutcome.Permanent;
import dev.outreachpipeline.sending.SmtpOutcome.Sent;
import dev.outreachpipeline.sending.SmtpOutcome.Temporary;
import dev.outreachpipeline.sending.SmtpOutcome.Unknown;
import jakarta.mail.AuthenticationFailedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Reads what Jakarta Mail (Angus Mail), directly or through camel-mail, threw while sending one message,
 * and says what it means for that message ({@link SmtpOutcome}).
 *
 * <p>The server's own reply decides wherever there is one: 4xx is temporary, 5xx with an enhanced
 * status 5.1.x about the recipient is a bad mailbox, any other 5xx is permanent. Without a reply, the
 * question is whether the message's data had been sent: a failure while connecting, greeting,
 * authenticating or naming sender and recipient left nothing at the server (temporary); a timeout or a
 * lost connection from the DATA command on may have come after the server accepted the message, and so
 * does anything not recognised (unknown: never sent again automatically, so nobody gets it twice).
 * Jakarta Mail's exceptions do not say which command a lost connection interrupted, so that is read from
 * where in Angus Mail's SMTP transport each exception of the chain was made.
 */
public final class SmtpClassifier {

    private static final int MAX_REPLY = 500;

    /** An enhanced status code (RFC 3463) right after the reply code: "550 5.1.1 …" or "550-5.1.1 …". */
    private static final Pattern ENHANCED = Pattern.compile("^\\d{3}[ -]([245])\\.(\\d{1,3})\\.(\\d{1,3})(?!\\d)");

    /** 5.1.7 and 5.1.8 are about the sender's address, not the recipient's mailbox. */
    private static final Set<Integer> SENDER_DETAILS = Set.of(7, 8);

    private static final String SMTP_TRANSPORT = "org.eclipse.angus.mail.smtp.SMTPTransport";
    private static final String SMTP_OUTPUT_STREAM = "org.eclipse.angus.mail.smtp.SMTPOutputStream";

    /** SMTPTransport's steps up to and including RCPT TO: nothing of the message has left yet. */
    private static final Set<String> BEFORE_DATA = Set.of(
            "connect",
            "protocolConnect",
            "openServer",
            "initStreams",
            "helo",
            "ehlo",
            "startTLS",
            "authenticate",
            "sasllogin",
            "mailFrom",
            "rcptTo");

    /** SMTPTransport's steps from the DATA (or BDAT) command to the server's reply to the final dot. */
    private static final Set<String> FROM_DATA_ON = Set.of("data", "finishData", "bdat", "finishBdat");

    private SmtpClassifier() {}

    /**
     * @param failure what sending threw, or null when it returned normally
     */
    public static SmtpOutcome classify(Throwable failure) {
        if (failure == null) {
            return new Sent();
        }
        List<Throwable> chain = chain(failure);

        for (Throwable t : chain) {
            if (t instanceof MessageRejected) {
                return new Permanent("not sent: " + HeaderText.oneLine(t.getMessage(), MAX_REPLY));
            }
        }

        Optional<Reply> reply = firstReply(chain);
        if (reply.isPresent()) {
            return byReply(reply.get());
        }

        for (Throwable t : chain) {
            if (t instanceof MailConnectException
                    || t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException) {
                return new Temporary("could not connect to the SMTP server: " + describe(chain));
            }
            if (t instanceof AuthenticationFailedException) {
                // Our credentials, not the message: nothing was sent, and the operator has to fix the setting.
                return new Temporary("the SMTP server refused the login: " + describe(chain));
            }
        }

        return switch (phase(chain)) {
            case BEFORE_DATA -> new Temporary("failed before the message was sent: " + describe(chain));
            case DATA_OR_LATER ->
                new Unknown(
                        "failed after the message data was sent, the server may have accepted it: " + describe(chain));
            case NOT_KNOWN ->
                new Unknown(
                        "failed, and it cannot be told whether the server accepted the message: " + describe(chain));
        };
    }

    private static SmtpOutcome byReply(Reply r) {
        String text = r.text().isEmpty() ? String.valueOf(r.code()) : r.text();
        if (r.code() >= 400 && r.code() <= 499) {
            return new Temporary(text);
        }
        if (r.code() >= 500 && r.code() <= 599) {
            return isBadMailbox(r) ? new BadMailbox(text) : new Permanent(text);
        }
        // No reply code (Angus reports -1, "[EOF]", when the connection ended while it waited for one), or
        // one that makes no sense here: what it means depends on whether the data had been sent.
        String what = (r.code() <= 0 ? "the connection ended after " : "an unexpected reply to ") + r.commandName();
        boolean dataSent = r.command() != null && isDataCommand(r.command());
        return dataSent
                ? new Unknown(what + ", the server may have accepted the message: " + text)
                : new Temporary(what + ", before the message was sent: " + text);
    }

    private static boolean isBadMailbox(Reply r) {
        if (r.sender()) {
            return false;
        }
        Matcher m = ENHANCED.matcher(r.text());
        return m.find()
                && m.group(1).equals("5")
                && m.group(2).equals("1")
                && !SENDER_DETAILS.contains(Integer.parseInt(m.group(3)));
    }

    private static boolean isDataCommand(String command) {
        String c = command.trim().toUpperCase(Locale.ROOT);
        return c.equals(".") || c.startsWith("DATA") || c.startsWith("BDAT");
    }

    /** The first SMTP reply in the chain that is not a success (a 2xx one only reports a partial send). */
    private static Optional<Reply> firstReply(List<Throwable> chain) {
        for (Throwable t : chain) {
            Reply r = null;
            if (t instanceof SMTPSendFailedException e) {
                String cmd = e.getCommand();
                r = new Reply(
                        e.getReturnCode(),
                        cmd,
                        HeaderText.oneLine(e.getMessage(), MAX_REPLY),
                        cmd != null && cmd.toUpperCase(Locale.ROOT).startsWith("MAIL FROM"));
            } else if (t instanceof SMTPAddressFailedException e) {
                r = new Reply(e.getReturnCode(), e.getCommand(), HeaderText.oneLine(e.getMessage(), MAX_REPLY), false);
            } else if (t instanceof SMTPSenderFailedException e) {
                r = new Reply(e.getReturnCode(), e.getCommand(), HeaderText.oneLine(e.getMessage(), MAX_REPLY), true);
            }
            if (r != null && (r.code() < 200 || r.code() > 299)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private enum Phase {
        BEFORE_DATA,
        DATA_OR_LATER,
        NOT_KNOWN
    }

    /**
     * Where in the SMTP dialogue the chain's exceptions were made. Each exception's stack trace holds the
     * transport's step that was running (mailFrom, finishData, …); a data-phase step anywhere wins,
     * because a connection lost there may have been lost after the server accepted the message.
     */
    private static Phase phase(List<Throwable> chain) {
        boolean before = false;
        for (Throwable t : chain) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String cls = frame.getClassName();
                if (cls.equals(SMTP_OUTPUT_STREAM)
                        || cls.startsWith(SMTP_TRANSPORT + "$BDAT")
                        || cls.startsWith(SMTP_TRANSPORT + "$Chunked")) {
                    return Phase.DATA_OR_LATER;
                }
                if (cls.startsWith(SMTP_TRANSPORT)) {
                    if (FROM_DATA_ON.contains(frame.getMethodName())) {
                        return Phase.DATA_OR_LATER;
                    }
                    before |= BEFORE_DATA.contains(frame.getMethodName());
                } else if (cls.equals("jakarta.mail.Service")
                        && frame.getMethodName().equals("connect")) {
                    before = true;
                }
            }
        }
        return before ? Phase.BEFORE_DATA : Phase.NOT_KNOWN;
    }

    /** The failure and its causes, outermost first; Jakarta Mail's "next exception" is its cause. */
    private static List<Throwable> chain(Throwable failure) {
        var seen = Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
        var chain = new ArrayList<Throwable>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** The outermost message with the innermost cause, e.g. "Exception reading response (SocketTimeoutException: Read timed out)". */
    private static String describe(List<Throwable> chain) {
        Throwable outer = chain.get(0);
        Throwable root = chain.get(chain.size() - 1);
        String text = label(outer);
        if (root != outer) {
            text += " (" + label(root) + ")";
        }
        return HeaderText.oneLine(text, MAX_REPLY);
    }

    private static String label(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank()
                ? t.getClass().getSimpleName()
                : (t instanceof jakarta.mail.MessagingException
                                ? ""
                                : t.getClass().getSimpleName() + ": ")
                        + t.getMessage();
    }

    private record Reply(int code, String command, String text, boolean sender) {
        String commandName() {
            if (command == null) {
                return "a command";
            }
            String c = command.trim();
            if (c.equals(".")) {
                return "the end of the message data";
            }
            int colon = c.indexOf(':');
            return (colon > 0 ? c.substring(0, colon) : c.split(" ")[0]).toUpperCase(Locale.ROOT);
        }
    }
}
