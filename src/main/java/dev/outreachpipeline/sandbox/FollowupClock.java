package dev.outreachpipeline.sandbox;

import dev.outreachpipeline.db.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Compressed time for the sandbox's follow-ups: moves the send times of the prospects waiting for
 * a step back by that step's delay, so the step falls due now instead of hours from now. It touches
 * only the sandbox's own database, and only the two columns the follow-up rule reads.
 */
final class FollowupClock {

    private final DataSource dataSource;

    FollowupClock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param sentSoFar follow-ups the prospects have had (0 before the first follow-up)
     * @param delay     the step's delay after the first message
     * @return prospects moved
     */
    int skipAhead(int sentSoFar, Duration delay) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SqlStatement.SKIP_FOLLOWUP_DELAY.text())) {
            ps.setDouble(1, delay.toSeconds());
            ps.setDouble(2, delay.toSeconds());
            ps.setInt(3, sentSoFar);
            return ps.executeUpdate();
        }
    }
}
