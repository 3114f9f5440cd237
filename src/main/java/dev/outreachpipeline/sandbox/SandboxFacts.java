package dev.outreachpipeline.sandbox;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the sandbox's database says about the run, per stage: the numbers of the progress lines and
 * of the summary, read in one statement so they agree with each other.
 */
record SandboxFacts(int queriesPlanned, int queriesDone, int queriesRun, int apiCalls, int serpResults, int prospects, int lookedUp,
                    int withContact, int noEmail, int drafted, int firstSent, int followupsSent, int emailLogs) {

    static SandboxFacts read(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT (SELECT count(*) FROM discovery_queries),
                       (SELECT count(*) FROM discovery_queries WHERE status IN ('success', 'failed', 'skipped')),
                       (SELECT count(*) FROM discovery_queries WHERE api_calls > 0),
                       (SELECT coalesce(sum(api_calls), 0) FROM discovery_queries),
                       (SELECT coalesce(sum(results_found), 0) FROM discovery_queries),
                       (SELECT count(*) FROM prospects),
                       (SELECT count(*) FROM prospects WHERE hunter_payload IS NOT NULL
                                                          OR outreach_status NOT IN ('pending', 'enriching')),
                       (SELECT count(*) FROM prospects WHERE contact_email IS NOT NULL),
                       (SELECT count(*) FROM prospects WHERE outreach_status = 'no_email'),
                       (SELECT count(*) FROM prospects WHERE drafted_at IS NOT NULL),
                       (SELECT count(*) FROM email_logs WHERE response ->> 'kind' = 'initial'),
                       (SELECT count(*) FROM email_logs WHERE response ->> 'kind' = 'followup'),
                       (SELECT count(*) FROM email_logs)""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new SandboxFacts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                    rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13));
        }
    }

    /** One line of progress: where each stage stands. */
    String progressLine() {
        return "queries " + queriesDone + "/" + queriesPlanned + " · prospects " + prospects + " · looked up " + lookedUp
                + " (contact " + withContact + ", no_email " + noEmail + ") · drafted " + drafted + " · sent " + firstSent
                + " · follow-ups " + followupsSent;
    }
}
