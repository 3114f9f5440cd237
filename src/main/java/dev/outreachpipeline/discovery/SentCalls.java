package dev.outreachpipeline.discovery;

import dev.outreachpipeline.db.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Counts each DataForSEO call against its query the moment before it is sent, committed on its own,
 * so that {@code api_calls} matches the provider's bill even when the process dies before the answer
 * (kill -9, a power cut). A call that cannot be counted is not sent.
 */
public final class SentCalls {

    private static final String SQL = SqlStatement.COUNT_SENT_CALL.text();

    private final DataSource dataSource;

    public SentCalls(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What to run just before each call made for this query (discovery_queries.id). */
    public Runnable of(String queryId) {
        return () -> count(queryId);
    }

    private void count(String queryId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(SQL)) {
            st.setString(1, queryId);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot count a DataForSEO call of query " + queryId + " in the database, so it was not sent: "
                            + e.getMessage(),
                    e);
        }
    }
}
