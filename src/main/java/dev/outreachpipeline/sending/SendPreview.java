package dev.outreachpipeline.sending;

import dev.outreachpipeline.cli.TerminalText;
import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * {@code outreach send --dry-run}: what the next send job would do now, read-only — the mailbox's
 * recent sends against its caps, the pacing decision, and the queue in the order it is served, each
 * with what would happen to it and why. Addresses and domains come from outside (SERP results,
 * Hunter) and are printed through {@link TerminalText#line}, so an escape sequence in one cannot act
 * on the terminal.
 */
public final class SendPreview {

    private static final NamedParameters SEND_FACTS = SqlStatement.SEND_FACTS.jdbc();

    private final DataSource dataSource;
    private final SmtpSettings smtp;
    private final SendSettings send;
    private final SendPacing pacing;

    public SendPreview(DataSource dataSource, SmtpSettings smtp, SendSettings send, SendPacing pacing) {
        this.dataSource = dataSource;
        this.smtp = smtp;
        this.send = send;
        this.pacing = pacing;
    }

    public void print(PrintWriter out) throws SQLException {
        String mailbox = smtp.from().toLowerCase(Locale.ROOT);
        smtp.problemsForSending().forEach(p -> out.println("Cannot send: " + TerminalText.line(p)));
        try (Connection c = dataSource.getConnection()) {
            int sent24h;
            int sentHour;
            PacingDecision decision;
            try (PreparedStatement ps = c.prepareStatement(SEND_FACTS.jdbcText())) {
                SEND_FACTS.bind(ps, java.util.Map.of("mailbox", mailbox));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sent24h = rs.getInt("sent_last_24h");
                    sentHour = rs.getInt("sent_last_hour");
                    decision = pacing.decide(new PacingFacts(
                            instant(rs, "now"),
                            sent24h,
                            sentHour,
                            instant(rs, "last_sent_at"),
                            instant(rs, "oldest_in_24h"),
                            instant(rs, "oldest_in_hour")));
                }
            }
            out.printf(
                    "Mailbox %s: %d sent in the last 24 h (cap %d), %d in the last hour (cap %d); window %s; spacing %s ± %s%n",
                    mailbox.isEmpty() ? "(MAIL_FROM not set)" : TerminalText.line(mailbox),
                    sent24h,
                    send.dailyCap(),
                    sentHour,
                    send.hourlyCap(),
                    send.window(),
                    DurationText.format(send.spacing()),
                    DurationText.format(send.spacingJitter()));
            out.println(
                    decision instanceof PacingDecision.Wait w ? "Next send: waits — " + w.reason() : "Next send: now");
            int room = Math.max(0, Math.min(send.dailyCap() - sent24h, send.hourlyCap() - sentHour));
            try (PreparedStatement ps = c.prepareStatement(SqlStatement.SEND_PREVIEW_QUEUE.text());
                    ResultSet rs = ps.executeQuery()) {
                int position = 0;
                int sendable = 0;
                while (rs.next()) {
                    position++;
                    String what = rs.getBoolean("followup")
                            ? "follow-up " + (rs.getInt("followups_sent") + 1)
                            : "first message";
                    String why;
                    var skip = send.skipCountries().skipReason((Integer) rs.getObject("location_code"));
                    OffsetDateTime retry = rs.getObject("next_attempt_at", OffsetDateTime.class);
                    if (rs.getString("suppressed_by") != null) {
                        why = "never sent: suppressed, " + TerminalText.line(rs.getString("suppressed_by"));
                    } else if (skip.isPresent()) {
                        why = "never sent: " + TerminalText.line(skip.get());
                    } else if (retry != null && retry.isAfter(OffsetDateTime.now())) {
                        why = "waits: retry after a temporary SMTP failure at " + retry;
                    } else if (sendable >= room) {
                        why = "waits: the caps leave room for " + room + " message(s) now";
                        sendable++;
                    } else if (sendable == 0) {
                        why = decision instanceof PacingDecision.Wait w ? "waits: " + w.reason() : "would be sent now";
                        sendable++;
                    } else {
                        why = "after " + sendable + " earlier message(s), one every "
                                + DurationText.format(send.spacing()) + " or so";
                        sendable++;
                    }
                    out.printf(
                            "%4d. %-40s %-14s %s%n",
                            position, TerminalText.line(rs.getString("contact_email")), what, why);
                }
                if (position == 0) {
                    out.println("Nothing is approved or due for a follow-up.");
                }
            }
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
