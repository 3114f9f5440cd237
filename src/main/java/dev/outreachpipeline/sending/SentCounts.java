package dev.outreachpipeline.sending;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A mailbox's sends as the caps count them (sql/send-facts.sql, the statement the sending route
 * uses): attempts in the last 24 hours and the last hour, temporary refusals not counted.
 */
public record SentCounts(int last24h, int lastHour) {

    private static final String SQL = dev.outreachpipeline.db.SqlFiles.read("send-facts.sql");

    public static SentCounts of(Connection c, String mailbox, int queryTimeoutSeconds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL.replace(":#mailbox", "?"))) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            ps.setString(1, mailbox);
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
