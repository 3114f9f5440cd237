package dev.outreachpipeline.sending;

import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A mailbox's sends as the caps count them (sql/send-facts.sql, the statement the sending route
 * uses): attempts in the last 24 hours and the last hour, temporary refusals not counted.
 */
public record SentCounts(int last24h, int lastHour) {

    private static final NamedParameters SQL = SqlStatement.SEND_FACTS.jdbc();
    private static final java.util.function.Function<String, String> JSON_STRING =
            s -> new com.fasterxml.jackson.databind.node.TextNode(s).toString();

    public static SentCounts of(Connection c, String mailbox, int queryTimeoutSeconds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL.jdbcText())) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            SQL.bind(ps, java.util.Map.of("addresses", "[" + JSON_STRING.apply(mailbox) + "]"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new SentCounts(rs.getInt("sent_last_24h"), rs.getInt("sent_last_hour"));
            }
        }
    }

    /** Room left under a cap; never negative. */
    public static int headroom(int cap, int counted) {
        return Math.max(0, cap - counted);
    }
}
