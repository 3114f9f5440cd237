package dev.outreachpipeline.sandbox;

import dev.outreachpipeline.db.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The sandbox's numbers per campaign, read in one statement so the columns of the summary and their
 * total agree with each other.
 *
 * @param byCampaign per campaign name, in the order the campaigns were created
 */
record SandboxNumbers(Map<String, SandboxFacts> byCampaign) {

    static SandboxNumbers read(DataSource dataSource) throws SQLException {
        var byCampaign = new LinkedHashMap<String, SandboxFacts>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SqlStatement.SANDBOX_FACTS.text());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byCampaign.put(
                        rs.getString(1),
                        new SandboxFacts(
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
                                rs.getInt(13),
                                rs.getInt(14)));
            }
        }
        return new SandboxNumbers(Collections.unmodifiableMap(byCampaign));
    }

    /** Drafts by writer: "llm", or the reason the template's draft was used instead (see sandbox-draft-writers.sql). */
    static Map<String, Integer> writers(DataSource dataSource) throws SQLException {
        var writers = new LinkedHashMap<String, Integer>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SqlStatement.SANDBOX_DRAFT_WRITERS.text());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                writers.put(rs.getString(1), rs.getInt(2));
            }
        }
        return writers;
    }

    SandboxFacts total() {
        return byCampaign.values().stream().reduce(SandboxFacts.NONE, SandboxFacts::plus);
    }

    /** The campaigns that took part in the run, each with its numbers. */
    Map<String, SandboxFacts> active() {
        var active = new LinkedHashMap<String, SandboxFacts>();
        byCampaign.forEach((name, facts) -> {
            if (!facts.isEmpty()) {
                active.put(name, facts);
            }
        });
        return active;
    }
}
