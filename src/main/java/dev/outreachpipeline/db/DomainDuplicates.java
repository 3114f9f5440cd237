package dev.outreachpipeline.db;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.cli.ExitCodes;
import dev.outreachpipeline.cli.TerminalText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Prospects that share a domain once it is normalised (lower-case, one leading {@code www.} removed),
 * which the unique domain index (V4) cannot accept. Finds them, describes them with everything that
 * points at each row, and merges each group into its oldest row.
 */
public final class DomainDuplicates {

    /** One prospect row of a colliding group; {@code references} counts email_logs and any other referencing rows. */
    public record Row(UUID id, String domain, OffsetDateTime createdAt, long emailLogs, long references) {}

    /** Rows sharing {@code key}; the first is the survivor (the oldest). */
    public record Group(String key, List<Row> rows) {
        public Row survivor() {
            return rows.get(0);
        }

        public List<Row> merged() {
            return rows.subList(1, rows.size());
        }
    }

    private DomainDuplicates() {}

    public static boolean uniqueDomainPending(Flyway flyway) {
        for (MigrationInfo m : flyway.info().pending()) {
            if (Migrations.UNIQUE_DOMAIN.equals(m.getVersion())) {
                return true;
            }
        }
        return false;
    }

    /** Stops a migration before it changes anything when old rows would collide. */
    public static void refuseIfAny(Database db) throws SQLException {
        List<Group> groups = find(db);
        if (!groups.isEmpty()) {
            throw new OutreachException(
                    "Cannot migrate: prospects.domain is about to become unique, but some domains are stored"
                            + " more than once. Nothing was changed.\n" + describe(groups) + "\n" + HOW_TO_RESOLVE,
                    ExitCodes.FAILURE);
        }
    }

    public static List<Group> find(Database db) throws SQLException {
        try (Connection c = db.connection()) {
            return find(c);
        }
    }

    static List<Group> find(Connection c) throws SQLException {
        List<Reference> refs = referencesTo(c);
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SqlStatement.DUPLICATE_DOMAIN_PROSPECTS.text());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject(2, UUID.class);
                long emailLogs = 0;
                long all = 0;
                for (Reference ref : refs) {
                    long n = references(c, ref, id);
                    all += n;
                    if (ref.table().equals("email_logs")) {
                        emailLogs += n;
                    }
                }
                groups.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Row(id, rs.getString(3), rs.getObject(4, OffsetDateTime.class), emailLogs, all));
            }
        }
        var result = new ArrayList<Group>();
        groups.forEach((k, rows) -> result.add(new Group(k, List.copyOf(rows))));
        return result;
    }

    /**
     * Each conflicting domain with its rows, and the commands that resolve it. Domains come from
     * SERP results (and a predecessor's rows): printed through {@link TerminalText#line}, so an
     * escape sequence in one shows as text instead of acting on the terminal.
     */
    public static String describe(List<Group> groups) {
        var sb = new StringBuilder();
        sb.append(groups.size())
                .append(" domain(s) are stored more than once (also counting case and a leading www.):\n");
        for (Group g : groups) {
            sb.append("  ").append(TerminalText.line(g.key())).append('\n');
            for (Row r : g.rows()) {
                sb.append("    ")
                        .append(r.id())
                        .append("  ")
                        .append(TerminalText.line(r.domain()))
                        .append("  created ")
                        .append(r.createdAt() == null ? "(unknown)" : r.createdAt())
                        .append("  email_logs: ")
                        .append(r.emailLogs());
                if (r.references() != r.emailLogs()) {
                    sb.append("  other references: ").append(r.references() - r.emailLogs());
                }
                sb.append(r == g.survivor() ? "  <- kept (oldest)" : "").append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    /** What an operator runs to resolve the collisions {@link #describe} lists. */
    public static final String HOW_TO_RESOLVE = "Resolve it with `outreach db dedupe` (prints the plan) and"
            + " `outreach db dedupe --apply` (keeps the oldest row of each domain, re-points email_logs and other references"
            + " to it, archives the others whole in prospects_merged, in one transaction); then run `outreach db migrate` again.";

    /**
     * Merges every group into its survivor in one transaction: references re-pointed, merged rows
     * copied whole into prospects_merged, then removed from prospects.
     *
     * @return the number of rows merged away
     */
    public static int merge(Database db) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                List<Group> groups = find(c);
                List<Reference> refs = referencesTo(c);
                int merged = 0;
                for (Group g : groups) {
                    UUID survivor = g.survivor().id();
                    for (Row r : g.merged()) {
                        for (Reference ref : refs) {
                            try (PreparedStatement ps =
                                    c.prepareStatement(ref.fill(SqlStatement.REPOINT_PROSPECT_REFERENCES))) {
                                ps.setObject(1, survivor);
                                ps.setObject(2, r.id());
                                ps.executeUpdate();
                            }
                        }
                        try (PreparedStatement ps = c.prepareStatement(SqlStatement.ARCHIVE_MERGED_PROSPECT.text())) {
                            ps.setObject(1, survivor);
                            ps.setObject(2, r.id());
                            ps.executeUpdate();
                        }
                        try (PreparedStatement ps = c.prepareStatement(SqlStatement.DELETE_PROSPECT.text())) {
                            ps.setObject(1, r.id());
                            ps.executeUpdate();
                        }
                        merged++;
                    }
                }
                c.commit();
                return merged;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** A column that points at prospects.id; {@code table} as the catalogue names it (regclass text, quoted where needed). */
    private record Reference(String table, String column) {

        /** A template statement over this reference: the table as the catalogue gave it, the column quoted. */
        String fill(SqlStatement template) {
            return template.fill(Map.of("table", table, "column", SqlNames.quote(column)));
        }
    }

    private static long references(Connection c, Reference ref, UUID prospect) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ref.fill(SqlStatement.COUNT_PROSPECT_REFERENCES))) {
            ps.setObject(1, prospect);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every single-column foreign key that points at prospects.id, whichever table holds it. */
    private static List<Reference> referencesTo(Connection c) throws SQLException {
        var refs = new ArrayList<Reference>();
        try (PreparedStatement ps = c.prepareStatement(SqlStatement.PROSPECT_REFERENCES.text());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                refs.add(new Reference(rs.getString(1), rs.getString(2)));
            }
        }
        if (refs.stream().noneMatch(r -> r.table().equals("email_logs"))) {
            // A predecessor database may have lost the foreign key; its rows still point here.
            refs.add(new Reference("email_logs", "prospect_id"));
        }
        return refs;
    }
}
