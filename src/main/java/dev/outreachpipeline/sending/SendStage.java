package dev.outreachpipeline.sending;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.db.SqlValues;
import dev.outreachpipeline.jobs.JobFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the sending routes ask of Java: whether a send may happen now (caps, window, spacing), the
 * message itself, and what an SMTP outcome means for the attempt and the prospect. Every database
 * write stays in the routes.
 */
public final class SendStage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SendStage.class);
    /** A wait shorter than this is waited out inside the job; a longer one ends the job with its reason. */
    private static final Duration LONGEST_WAIT_IN_JOB = Duration.ofMinutes(10);

    private final SmtpSettings smtp;
    private final SendSettings send;
    private final SendPacing pacing;
    private final MessageComposer composer;
    private final dev.outreachpipeline.drafting.FollowupRenderer followups;
    private final Clock clock;
    private final dev.outreachpipeline.providers.ProviderCalls calls;
    private volatile boolean warned;

    public SendStage(
            SmtpSettings smtp,
            SendSettings send,
            SendPacing pacing,
            dev.outreachpipeline.drafting.FollowupRenderer followups,
            Clock clock,
            dev.outreachpipeline.providers.ProviderCalls calls) {
        this.calls = calls;
        this.smtp = smtp;
        this.send = send;
        this.pacing = pacing;
        this.composer = new MessageComposer(clock);
        this.followups = followups;
        this.clock = clock;
    }

    /** The follow-up steps as seconds after the first message, for the statement that marks due follow-ups. */
    public String followupStepSecondsJson() {
        var seconds = JSON.createArrayNode();
        send.followupSteps().delays().forEach(d -> seconds.add(d.toSeconds()));
        return seconds.toString();
    }

    /** The least time between a follow-up and the message before it, per step. */
    public String followupGapSecondsJson() {
        var gaps = JSON.createArrayNode();
        Duration previous = Duration.ZERO;
        for (Duration d : send.followupSteps().delays()) {
            gaps.add(d.minus(previous).toSeconds());
            previous = d;
        }
        return gaps.toString();
    }

    /**
     * Sending needs a server, a sender, a postal address and the unsubscribe secret; says everything
     * missing at once, and warns about what works but should not be used in production (no TLS, a
     * plain-http unsubscribe link).
     */
    public void requireReady() {
        List<String> problems = smtp.problemsForSending();
        if (!problems.isEmpty()) {
            throw new JobFailed("Sending is not configured: " + String.join(" ", problems));
        }
        if (!warned) {
            smtp.warnings().forEach(w -> LOG.warn("Sending: {}", w));
            warned = true;
        }
    }

    public String mailbox() {
        return smtp.from().toLowerCase(Locale.ROOT);
    }

    public String senderDomain() {
        return mailbox().substring(mailbox().indexOf('@') + 1);
    }

    /** An attempt older than this cannot still be in an SMTP conversation (connect, commands, data). */
    public long staleSeconds() {
        return smtp.timeout().multipliedBy(4).toSeconds();
    }

    /** The DataForSEO location codes whose prospects are skipped. */
    public String skipCodesJson() {
        var codes = JSON.createArrayNode();
        CountrySkipList.COUNTRY_BY_LOCATION.keySet().stream()
                .sorted()
                .filter(code -> send.skipCountries().skipReason(code).isPresent())
                .forEach(codes::add);
        return codes.toString();
    }

    /**
     * Whether the next message may go out now, from the mailbox's recent sends: send, wait a short
     * while inside the job, or stop the job (a longer wait) with the reason.
     */
    public SendDecision decide(Map<String, Object> facts) {
        Instant now = SqlValues.instant(facts.get("now"));
        var pacingFacts = new PacingFacts(
                now,
                ((Number) facts.get("sent_last_24h")).intValue(),
                ((Number) facts.get("sent_last_hour")).intValue(),
                SqlValues.instant(facts.get("last_sent_at")),
                SqlValues.instant(facts.get("oldest_in_24h")),
                SqlValues.instant(facts.get("oldest_in_hour")));
        PacingDecision decision = pacing.decide(pacingFacts);
        if (decision instanceof PacingDecision.Wait wait) {
            Duration gap = Duration.between(now, wait.until());
            return gap.compareTo(LONGEST_WAIT_IN_JOB) <= 0
                    ? SendDecision.waitFor(gap.toMillis(), wait.reason())
                    : SendDecision.stop(wait.reason());
        }
        return SendDecision.sendNow();
    }

    /** Sends were allowed, but no prospect was due: the job ends. */
    public SendDecision nothingDue() {
        return SendDecision.stop("no approved prospect is due");
    }

    /**
     * The message for a claimed send, built explicitly: nothing from the exchange reaches its
     * headers. A follow-up answers the thread: In-Reply-To the last message, References all of them,
     * "Re:" before the first subject, and a body from the follow-up template.
     */
    public jakarta.mail.internet.MimeMessage compose(Map<String, Object> claimed) {
        UUID prospectId = UUID.fromString(String.valueOf(claimed.get("id")));
        String token = smtp.unsubscribeTokens().tokenFor(prospectId);
        int step = step(claimed);
        String earlier = (String) claimed.get("earlier_message_ids");
        List<String> references = step == 0 || earlier == null ? List.of() : List.of(earlier.split(" "));
        String text = step == 0 ? String.valueOf(claimed.get("draft_body")) : followups.render(step, claimed);
        var message = new OutgoingMessage(
                smtp.from(),
                smtp.fromName(),
                String.valueOf(claimed.get("contact_email")),
                String.valueOf(claimed.get("draft_subject")),
                text,
                step == 0 ? (String) claimed.get("draft_html") : null,
                String.valueOf(claimed.get("message_id")),
                references.isEmpty() ? null : references.get(references.size() - 1),
                references,
                smtp.unsubscribeUrl(token),
                smtp.unsubscribeMailto(),
                smtp.postalAddress());
        return composer.compose(message);
    }

    private static int step(Map<String, Object> claimed) {
        Object step = claimed.get("step");
        return step instanceof Number n ? n.intValue() : 0;
    }

    /** The SMTP server accepted the message. */
    public Map<String, Object> sent(Map<String, Object> claimed) {
        return outcome(claimed, new SmtpOutcome.Sent(), "250 accepted");
    }

    /**
     * The message was refused before it left ({@link MessageRejected}) or the SMTP conversation
     * failed, before or after the server saw it; what that means for the prospect.
     */
    public Map<String, Object> failed(Throwable failure, Map<String, Object> claimed) {
        SmtpOutcome outcome = failure instanceof MessageRejected
                        || dev.outreachpipeline.jobs.JobFailures.find(failure, MessageRejected.class)
                                .isPresent()
                ? new SmtpOutcome.Permanent("the message was not sent: "
                        + dev.outreachpipeline.jobs.JobFailures.find(failure, MessageRejected.class)
                                .map(Throwable::getMessage)
                                .orElse(failure.getMessage()))
                : SmtpClassifier.classify(failure);
        return outcome(claimed, outcome, null);
    }

    private Map<String, Object> outcome(Map<String, Object> claimed, SmtpOutcome outcome, String acceptedReply) {
        var p = new LinkedHashMap<String, Object>();
        p.put("prospectId", claimed.get("id"));
        p.put("attemptId", claimed.get("attempt_id"));
        p.put("contactEmail", claimed.get("contact_email"));
        p.put("subject", step(claimed) == 0 ? claimed.get("draft_subject") : "Re: " + claimed.get("draft_subject"));
        p.put("textBody", step(claimed) == 0 ? claimed.get("draft_body") : followups.render(step(claimed), claimed));
        p.put("calls", 1);
        p.put("nextAttemptAt", null);
        p.put("lastError", null);
        int attempts = ((Number) claimed.get("send_attempts")).intValue();
        int step = step(claimed);
        p.put("followupIncrement", 0);
        if (outcome instanceof SmtpOutcome.Sent) {
            p.put("attemptStatus", "sent");
            p.put("prospectStatus", "sent");
            p.put("smtpReply", acceptedReply);
            p.put("followupIncrement", step == 0 ? 0 : 1);
        } else if (outcome instanceof SmtpOutcome.Temporary t) {
            p.put("attemptStatus", "temporary");
            p.put("smtpReply", t.reply());
            if (attempts >= send.maxAttempts()) {
                p.put("prospectStatus", "failed");
                p.put("lastError", "still refused after " + attempts + " attempt(s): " + t.reply());
            } else {
                p.put("prospectStatus", step == 0 ? "approved" : "followup_due");
                Duration delay = send.retryDelay().multipliedBy(1L << Math.min(10, attempts - 1));
                p.put("nextAttemptAt", OffsetDateTime.now(clock).plus(delay).toString());
                p.put("lastError", "temporary SMTP failure, next attempt later: " + t.reply());
            }
            // Expected now and then (greylisting, a busy server), but an operator must see it: one line, the
            // server's reply made one line without control characters (it is the server's text, not ours).
            LOG.warn(
                    "Temporary SMTP failure for prospect {} ({}, attempt {} of {}): {}; {}",
                    claimed.get("id"),
                    claimed.get("domain"),
                    attempts,
                    send.maxAttempts(),
                    HeaderText.oneLine(t.reply(), 300),
                    "failed".equals(p.get("prospectStatus"))
                            ? "no more attempts"
                            : "next attempt after " + p.get("nextAttemptAt"));
        } else if (outcome instanceof SmtpOutcome.BadMailbox b) {
            p.put("attemptStatus", "bounced");
            p.put("prospectStatus", "bounced");
            p.put("smtpReply", b.reply());
            p.put("lastError", "the mailbox does not exist; the address is suppressed: " + b.reply());
        } else if (outcome instanceof SmtpOutcome.Permanent f) {
            p.put("attemptStatus", "failed");
            p.put("prospectStatus", "failed");
            p.put("smtpReply", f.reply());
            p.put("lastError", f.reply());
        } else {
            String reply = outcome instanceof SmtpOutcome.Unknown u ? u.reply() : String.valueOf(outcome);
            p.put("attemptStatus", "send_unknown");
            p.put("prospectStatus", "send_unknown");
            p.put("smtpReply", reply);
            p.put(
                    "lastError",
                    "the server may have accepted the message (" + reply + "); it is not sent again by itself");
        }
        p.put("outcome", p.get("attemptStatus"));
        calls.sent((String) p.get("attemptStatus"));
        var response = JSON.createObjectNode();
        response.put("message_id", String.valueOf(claimed.get("message_id")));
        response.put("smtp_reply", String.valueOf(p.get("smtpReply")));
        response.put("kind", step == 0 ? "initial" : "followup");
        response.put("step", step);
        p.put("response", response.toString());
        return p;
    }

    /** The camel-mail endpoint; credentials and TLS settings are on the component, never in the URI. */
    public String smtpUri() {
        return "smtp://" + smtp.host() + ":" + smtp.port();
    }
}
