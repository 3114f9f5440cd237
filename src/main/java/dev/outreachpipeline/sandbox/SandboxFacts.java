package dev.outreachpipeline.sandbox;

import dev.outreachpipeline.db.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What the sandbox's database says about the run, per stage: the numbers of the progress lines and
 * of the summary, read in one statement so they agree with each other.
 */
record SandboxFacts(
        int queriesPlanned,
        int queriesDone,
        int queriesRun,
        int apiCalls,
        int serpResults,
        int prospects,
        int lookedUp,
        int withContact,
        int noEmail,
        int drafted,
        int firstSent,
        int followupsSent,
        int emailLogs) {

    static SandboxFacts read(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SqlStatement.SANDBOX_FACTS.text());
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new SandboxFacts(
                    rs.getInt(1),
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getInt(6),
                    rs.getInt(7),
                    rs.getInt(8),
                    rs.getInt(9),
                    rs.getInt(10),
                    rs.getInt(11),
                    rs.getInt(12),
                    rs.getInt(13));
        }
    }

    /** One line of progress: where each stage stands. */
    String progressLine() {
        return "queries " + queriesDone + "/" + queriesPlanned + " · prospects " + prospects + " · looked up "
                + lookedUp
                + " (contact " + withContact + ", no_email " + noEmail + ") · drafted " + drafted + " · sent "
                + firstSent
                + " · follow-ups " + followupsSent;
    }
}
