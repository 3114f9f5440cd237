package dev.outreachpipeline.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.db.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Which planned queries already ran lately ({@code outreach.discovery.rerun-warning-days}): a discover
 * job whose every (query, location) ran a few days ago pays again for the same SERPs, so its submitter
 * is told before it runs.
 */
public final class RecentRuns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SQL = SqlStatement.RECENTLY_RUN_QUERIES.text();

    private final DataSource dataSource;

    public RecentRuns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** How many of the planned queries some job ran successfully within the last {@code days} days. */
    public int ranWithin(List<PlannedQuery> planned, int days) throws SQLException {
        var rows = JSON.createArrayNode();
        planned.forEach(q -> rows.addObject().put("keyword", q.keyword()).put("location_code", q.locationCode()));
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(SQL)) {
            st.setInt(1, days);
            st.setString(2, rows.toString());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The warning for a job whose every query ran within the last {@code days} days; null when it is not so. */
    public static String warning(int planned, int ran, int days) {
        if (planned == 0 || ran < planned || days <= 0) {
            return null;
        }
        return "Every one of the job's " + planned + " queries already ran in the last " + days + " day(s)"
                + " (outreach.discovery.rerun-warning-days): it pays for the same searches again, and their results"
                + " are mostly prospects already saved.";
    }
}
