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

    private final Mailboxes mailboxes;
    private final SendSettings send;
    private final Map<String, SendPacing> pacings = new LinkedHashMap<>();
    private final MessageComposer composer;
    private final dev.outreachpipeline.drafting.FollowupRenderer followups;
    private final Clock clock;
    private final dev.outreachpipeline.providers.ProviderCalls calls;
    private volatile boolean warned;

    /**
     * @param random draws each mailbox's gaps (one {@link SendPacing} per mailbox, as a gap is drawn once per
     *               last message of that mailbox)
     */
    public SendStage(
            Mailboxes mailboxes,
            SendSettings send,
            java.util.random.RandomGenerator random,
            dev.outreachpipeline.drafting.FollowupRenderer followups,
            Clock clock,
            dev.outreachpipeline.providers.ProviderCalls calls) {
        this.calls = calls;
        this.mailboxes = mailboxes;
        this.send = send;
        mailboxes.all().forEach(m -> pacings.put(m.id(), new SendPacing(m.pacing(), random)));
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
     * Sending needs a mailbox that can send: a server, a sender, a postal address and the unsubscribe
     * secret; when none can, says everything missing at once. Warns once about what works but should not
     * be used in production (no TLS, a plain-http unsubscribe link) and about listed mailboxes that cannot
     * send (they are left out; the others go on).
     */
    public void requireReady() {
        List<Mailbox> ready = mailboxes.sending();
        if (ready.isEmpty()) {
            var problems = new java.util.ArrayList<>(mailboxes.problems(mailboxes.get(MailboxIds.DEFAULT)));
            mailboxes.all().stream()
                    .filter(m -> !m.id().equals(MailboxIds.DEFAULT))
                    .forEach(m -> mailboxes.problems(m).forEach(p -> problems.add("mailbox " + m.id() + ": " + p)));
            throw new JobFailed("Sending is not configured: " + String.join(" ", problems));
        }
        if (!warned) {
            mailboxes.conflicts().forEach(c -> LOG.warn("Sending: {}", c));
            for (Mailbox m : mailboxes.all()) {
                if (!ready.contains(m)) {
                    if (m.configured() || !m.id().equals(MailboxIds.DEFAULT)) {
                        LOG.warn(
                                "Sending: mailbox {} cannot send and is left out: {}",
                                m.id(),
                                String.join(" ", mailboxes.problems(m)));
                    }
                } else if (m.id().equals(MailboxIds.DEFAULT)) {
                    m.smtp().warnings().forEach(w -> LOG.warn("Sending: {}", w));
                } else if (m.smtp().security() == SmtpSettings.Security.NONE) {
                    LOG.warn(
                            "Sending: mailbox {}: {} is none: messages cross the network unencrypted; use starttls or"
                                    + " tls except with a local test server",
                            m.id(),
                            m.settingName("", "smtp.security"));
                }
            }
            warned = true;
        }
    }

    /**
     * The mailboxes this instance can send from, each with the fingerprint of its login settings, as a
     * JSON object for the statement that finds which have a message due (a pause counts only for the
     * settings it was made with).
     */
    public String fingerprintsJson() {
        var o = JSON.createObjectNode();
        mailboxes.sending().forEach(m -> o.put(m.id(), m.fingerprint()));
        return o.toString();
    }

    /** Every sending mailbox's From address by id (JSON), for the claim to record and sign Message-IDs with. */
    public String mailboxAddressesJson() {
        var o = JSON.createObjectNode();
        mailboxes.sending().forEach(m -> o.put(m.id(), m.address()));
        return o.toString();
    }

    /** The From addresses of the mailboxes that have a message due (JSON array), to lock and count. */
    public String addressesJson(List<Map<String, Object>> due) {
        var a = JSON.createArrayNode();
        due.forEach(
                row -> a.add(mailboxes.get(String.valueOf(row.get("mailbox"))).address()));
        return a.toString();
    }

    /**
     * The campaign a send job is for (its params' "campaign", a campaign's name, as a discover job
     * names its campaign, so the job row records it), or "" for every campaign
     * (an empty string rather than null: a variable set to null is no variable for camel-sql).
     */
    public String campaignOf(String jobParams) {
        if (jobParams == null || jobParams.isBlank()) {
            return "";
        }
        try {
            var node = JSON.readTree(jobParams).get("campaign");
            return node == null || node.isNull() ? "" : node.asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new JobFailed("The send job's parameters are not JSON: " + e.getOriginalMessage());
        }
    }

    /** An attempt older than this cannot still be in an SMTP conversation (connect, commands, data). */
    public long staleSeconds() {
        return mailboxes
                .get(MailboxIds.DEFAULT)
                .smtp()
                .timeout()
                .multipliedBy(4)
                .toSeconds();
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
     * Which mailboxes may send now, from their recent sends, and what the job does: send (from the
     * allowed mailboxes, the one that sent least recently first), wait a short while inside the job,
     * or stop the job (a longer wait, every due mailbox paused, or nothing due) with the reason.
     *
     * @param due   the mailboxes that have a message due (mailboxes-with-due-sends.sql): mailbox, paused_because
     * @param facts their recent sends, one row per From address (send-facts.sql)
     */
    public Rotation rotate(List<Map<String, Object>> due, List<Map<String, Object>> facts) {
        if (due.isEmpty()) {
            return new Rotation("[]", nothingDue());
        }
        var byAddress = new java.util.HashMap<String, Map<String, Object>>();
        facts.forEach(f -> byAddress.put(String.valueOf(f.get("mailbox")), f));
        boolean several = mailboxes.sending().size() > 1;
        var allowed = new java.util.ArrayList<Map.Entry<String, Instant>>();
        var waits = new java.util.ArrayList<Map.Entry<Instant, String>>();
        var paused = new java.util.ArrayList<String>();
        Instant now = null;
        for (Map<String, Object> row : due) {
            Mailbox m = mailboxes.get(String.valueOf(row.get("mailbox")));
            if (row.get("paused_because") != null) {
                paused.add("mailbox " + m.id() + " is paused: " + row.get("paused_because"));
                continue;
            }
            Map<String, Object> f = byAddress.get(m.address());
            now = SqlValues.instant(f.get("now"));
            Instant last = SqlValues.instant(f.get("last_sent_at"));
            PacingDecision decision = pacings.get(m.id())
                    .decide(new PacingFacts(
                            now,
                            ((Number) f.get("sent_last_24h")).intValue(),
                            ((Number) f.get("sent_last_hour")).intValue(),
                            last,
                            SqlValues.instant(f.get("oldest_in_24h")),
                            SqlValues.instant(f.get("oldest_in_hour"))));
            if (decision instanceof PacingDecision.Wait wait) {
                waits.add(
                        Map.entry(wait.until(), several ? "mailbox " + m.id() + ": " + wait.reason() : wait.reason()));
            } else {
                allowed.add(Map.entry(m.id(), last == null ? Instant.EPOCH : last));
            }
        }
        if (!allowed.isEmpty()) {
            var order = JSON.createArrayNode();
            allowed.stream()
                    .sorted(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> order.add(e.getKey()));
            return new Rotation(order.toString(), SendDecision.sendNow());
        }
        if (waits.isEmpty()) {
            return new Rotation("[]", SendDecision.stop(String.join("; ", paused)));
        }
        waits.sort(Map.Entry.comparingByKey());
        var reasons = new java.util.ArrayList<String>();
        waits.forEach(w -> reasons.add(w.getValue()));
        reasons.addAll(paused);
        String reason = String.join("; ", reasons);
        Duration gap = Duration.between(now, waits.get(0).getKey());
        return new Rotation(
                "[]",
                gap.compareTo(LONGEST_WAIT_IN_JOB) <= 0
                        ? SendDecision.waitFor(gap.toMillis(), reason)
                        : SendDecision.stop(reason));
    }

    /**
     * What a send job does next and from which mailboxes.
     *
     * @param allowedJson the mailbox ids that may send now, the one to use first first (a JSON array)
     */
    public record Rotation(String allowedJson, SendDecision decision) {}

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
        int step = step(claimed);
        String earlier = (String) claimed.get("earlier_message_ids");
        List<String> references = step == 0 || earlier == null ? List.of() : List.of(earlier.split(" "));
        String text = step == 0 ? String.valueOf(claimed.get("draft_body")) : followups.render(step, claimed);
        var message = mailboxOf(claimed)
                .message(
                        prospectId,
                        String.valueOf(claimed.get("contact_email")),
                        String.valueOf(claimed.get("draft_subject")),
                        text,
                        step == 0 ? (String) claimed.get("draft_html") : null,
                        String.valueOf(claimed.get("message_id")),
                        references);
        return composer.compose(message);
    }

    private Mailbox mailboxOf(Map<String, Object> claimed) {
        return mailboxes.get(String.valueOf(claimed.get("mailbox_id")));
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
        if (dev.outreachpipeline.jobs.JobFailures.find(failure, jakarta.mail.AuthenticationFailedException.class)
                .isPresent()) {
            return loginRefused(claimed, SmtpClassifier.classify(failure));
        }
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

    /**
     * The server refused the mailbox's login: our settings, not the message. Nothing was sent, the
     * attempt does not count against the caps or the prospect's attempts, the prospect waits as it was,
     * and the mailbox is paused (for every instance) with a sentence saying what to do.
     */
    private Map<String, Object> loginRefused(Map<String, Object> claimed, SmtpOutcome outcome) {
        Mailbox m = mailboxOf(claimed);
        String reply = outcome instanceof SmtpOutcome.Temporary t ? t.reply() : String.valueOf(outcome);
        String reason = "the SMTP server " + m.smtp().host() + ":" + m.smtp().port() + " refused the login"
                + (m.smtp().username().isBlank() ? "" : " of " + m.smtp().username()) + " ("
                + dev.outreachpipeline.config.Masking.maskText(HeaderText.oneLine(reply, 200)) + "); correct "
                + m.settingName("outreach.smtp.username", "smtp.username") + " or the password ("
                + (m.id().equals(MailboxIds.DEFAULT)
                        ? "SMTP_PASSWORD"
                        : "OUTREACH_MAILBOX_" + m.id().toUpperCase(Locale.ROOT) + "_SMTP_PASSWORD")
                + "), then run `outreach mailbox resume " + m.id() + "`";
        var p = new LinkedHashMap<String, Object>();
        p.put("prospectId", claimed.get("id"));
        p.put("attemptId", claimed.get("attempt_id"));
        p.put("contactEmail", claimed.get("contact_email"));
        p.put("mailboxId", m.id());
        p.put("attemptStatus", "temporary");
        p.put("smtpReply", reply);
        p.put("prospectStatus", step(claimed) == 0 ? "approved" : "followup_due");
        p.put("followupIncrement", 0);
        p.put("attemptRefund", 1);
        p.put("nextAttemptAt", null);
        p.put("lastError", "waits: its mailbox " + m.id() + " is paused: " + reason);
        p.put("pauseMailbox", m.id());
        p.put("pauseReason", reason);
        p.put("pauseFingerprint", m.fingerprint());
        p.put("outcome", "mailbox_paused");
        p.put("calls", 1);
        calls.sent("temporary");
        LOG.warn("Mailbox {} is paused for every instance: {}", m.id(), reason);
        return p;
    }

    private Map<String, Object> outcome(Map<String, Object> claimed, SmtpOutcome outcome, String acceptedReply) {
        var p = new LinkedHashMap<String, Object>();
        p.put("mailboxId", claimed.get("mailbox_id"));
        p.put("attemptRefund", 0);
        p.put("pauseMailbox", null);
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

    /**
     * The camel-mail endpoint of the claimed send's mailbox: the component {@code smtp} for default, and
     * one component per further mailbox ({@link #componentName}); credentials and TLS settings are on the
     * component, never in the URI.
     */
    public String smtpUri(Map<String, Object> claimed) {
        Mailbox m = mailboxOf(claimed);
        return componentName(m.id()) + "://" + m.smtp().host() + ":" + m.smtp().port();
    }

    /** The camel-mail component a mailbox sends through: {@code smtp} for default, {@code smtp-ID} otherwise. */
    public static String componentName(String mailboxId) {
        return MailboxIds.DEFAULT.equals(mailboxId) ? "smtp" : "smtp-" + mailboxId;
    }
}
