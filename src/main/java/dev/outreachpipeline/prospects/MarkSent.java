package dev.outreachpipeline.prospects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The operator's other decision on a message whose delivery is unknown ({@code send_unknown}): they
 * found it in the mailbox's Sent folder, so it went out. The prospect becomes {@code sent} as after an
 * accepted send (sql/mark-prospect-sent.sql says what is recorded), and its follow-ups fall due from
 * the time of that send. The counterpart of {@link HandBack.Kind#RESEND}, which sends it again.
 */
public final class MarkSent {

    private static final NamedParameters MARK = SqlStatement.MARK_PROSPECT_SENT.jdbc();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param marked  whether the prospect is sent now
     * @param status  its status after this (null: no prospect has the id)
     * @param refusal why it was not marked, or null
     * @param step    the message marked: 0 the first, n the n-th follow-up (-1 when none was)
     * @param sentAt  when that message went out as far as the record knows (its attempt's time)
     */
    public record Outcome(boolean marked, String status, String refusal, int step, java.time.Instant sentAt) {}

    private final DataSource dataSource;
    private final String mailboxAddresses;

    /** @param mailboxAddresses each mailbox id's From address, to name the thread's mailbox from its attempt */
    public MarkSent(DataSource dataSource, Map<String, String> mailboxAddresses) {
        this.dataSource = dataSource;
        try {
            this.mailboxAddresses = JSON.writeValueAsString(mailboxAddresses);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mailbox addresses cannot be written as JSON", e);
        }
    }

    /** @param markedBy who decided, for the attempt's record: "the operator (console)", "the operator (cli)" */
    public Outcome markSent(UUID id, String markedBy) throws SQLException {
        List<Map<String, Object>> rows = MARK.rows(
                dataSource,
                Map.of("prospectId", id.toString(), "mailboxAddresses", mailboxAddresses, "markedBy", markedBy));
        if (!rows.isEmpty()) {
            Map<String, Object> row = rows.get(0);
            return new Outcome(
                    true,
                    "sent",
                    null,
                    ((Number) row.get("step")).intValue(),
                    dev.outreachpipeline.db.SqlValues.instant(row.get("sent_at")));
        }
        Optional<String> status =
                new ProspectStore(dataSource).find(id).map(p -> String.valueOf(p.get("outreach_status")));
        if (status.isEmpty()) {
            return new Outcome(false, null, "no prospect has the id " + id, -1, null);
        }
        return new Outcome(false, status.get(), refusal(status.get()), -1, null);
    }

    static String refusal(String status) {
        return switch (status) {
            case "sending" -> "a send job is sending it right now (status sending)";
            case "approved", "followup_due" ->
                "it is waiting for a send job (status " + status
                        + "); only a send_unknown prospect, whose delivery is unknown, can be marked sent";
            default ->
                "it is " + status + "; only a send_unknown prospect, whose delivery is unknown, can be marked sent";
        };
    }
}
