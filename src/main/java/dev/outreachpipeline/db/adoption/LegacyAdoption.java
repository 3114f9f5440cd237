package dev.outreachpipeline.db;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.cli.ExitCodes;
import dev.outreachpipeline.db.SchemaCatalog.Column;
import dev.outreachpipeline.db.SchemaCatalog.Constraint;
import dev.outreachpipeline.db.SchemaCatalog.Index;
import dev.outreachpipeline.db.SchemaCatalog.Table;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes over a database written by the Python predecessor: compares each of its tables and columns
 * with V1 (read from a scratch schema migrated to V1, not from the file), reconciles the variants
 * its history left behind (client-side defaults, Alembic's NOT NULL counters, {@code metadata} for
 * {@code query_metadata}, {@code discovery_query_id} with or without index and foreign key, other
 * constraint names and ON DELETE rules), then baselines Flyway at V1 so V2+ apply as usual.
 *
 * <p>Everything that would lose or rewrite data is a blocker: adoption then changes nothing and says
 * why. Rows are never deleted; alembic_version is kept.
 */
public final class LegacyAdoption {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyAdoption.class);
    private static final MigrationVersion V1 = MigrationVersion.fromVersion("1");
    private static final Pattern FK_TARGET = Pattern.compile("^(FOREIGN KEY \\([^)]*\\) REFERENCES [^(]+\\([^)]*\\))");
    private static final Pattern INDEX_NAME = Pattern.compile("^CREATE (UNIQUE )?INDEX \\S+ ON ");

    private final Database db;

    public LegacyAdoption(Database db) {
        this.db = db;
    }

    /**
     * Plans, checks and applies the adoption, then baselines Flyway at V1.
     *
     * @param requireUniqueDomains refuse when prospects would collide on the unique domain (true for
     *                             {@code db migrate}; false for {@code db dedupe --apply}, which fixes that)
     * @return lines for the operator saying what was reconciled
     */
    public List<String> adopt(DatabaseState state, boolean requireUniqueDomains) throws SQLException {
        AdoptionPlan plan = plan();
        var problems = new ArrayList<>(plan.blockers());
        List<DomainDuplicates.Group> duplicates = requireUniqueDomains ? DomainDuplicates.find(db) : List.of();
        if (!problems.isEmpty() || !duplicates.isEmpty()) {
            var msg = new StringBuilder("This is the Python backend's database (alembic revision " + state.alembicRevision()
                    + "), but it cannot be adopted as it is. Nothing was changed.\n");
            problems.forEach(p -> msg.append("  - ").append(p).append('\n'));
            if (!duplicates.isEmpty()) {
                msg.append(DomainDuplicates.describe(duplicates)).append('\n').append(DomainDuplicates.HOW_TO_RESOLVE);
            }
            throw new OutreachException(msg.toString().stripTrailing(), ExitCodes.FAILURE);
        }
        apply(plan);
        Migrations.configure(db.dataSource(), db.schema())
                .baselineDescription("adopted from the Python backend (alembic " + state.alembicRevision() + ")")
                .load()
                .baseline();
        var report = new ArrayList<String>();
        report.add("Adopted the Python backend's database (alembic revision " + state.alembicRevision()
                + "; alembic_version is kept). Reconciled with schema V1:");
        if (plan.changes().isEmpty()) {
            report.add("  (nothing to reconcile)");
        }
        plan.changes().forEach(c -> report.add("  - " + c));
        plan.notes().forEach(n -> report.add("  note: " + n));
        report.add("Flyway baselined at version 1.");
        return report;
    }

    /** Compares the live tables with V1 and decides what to do, without changing anything. */
    public AdoptionPlan plan() throws SQLException {
        SchemaCatalog expected = ScratchSchema.expectedCatalog(db.dataSource(), V1);
        var plan = new AdoptionPlan.Builder();
        try (Connection c = db.connection()) {
            SchemaCatalog live = SchemaCatalog.read(c, db.schema());
            for (Table exp : expected.tables().values()) {
                reconcileColumns(c, exp, live.tables().get(exp.name()), plan);
            }
            for (char type : new char[] {'p', 'u', 'f', 'c'}) {
                for (Table exp : expected.tables().values()) {
                    reconcileConstraints(c, exp, live.tables().get(exp.name()), type, plan);
                }
            }
            for (Table exp : expected.tables().values()) {
                reconcileIndexes(exp, live.tables().get(exp.name()), plan);
            }
            for (String extra : live.tables().keySet()) {
                if (!expected.hasTable(extra) && !extra.equals(DatabaseState.ALEMBIC_TABLE)) {
                    plan.note("table " + extra + " is not part of this project; it is left as it is and `outreach db verify` reports it");
                }
            }
        }
        return plan.build();
    }

    private void apply(AdoptionPlan plan) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String sql : plan.statements()) {
                    LOG.info("Adoption: {}", sql);
                    st.execute(sql);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new OutreachException("Adopting the database failed and was rolled back, nothing changed: " + e.getMessage(),
                        ExitCodes.FAILURE, e);
            }
        }
    }

    private void reconcileColumns(Connection c, Table exp, Table act, AdoptionPlan.Builder plan) throws SQLException {
        String t = exp.name();
        Set<String> accounted = new HashSet<>();
        for (Column ec : exp.columns().values()) {
            Column ac = act.columns().get(ec.name());
            if (ac == null && ec.name().equals("query_metadata") && act.columns().containsKey("metadata")) {
                ac = act.columns().get("metadata");
                plan.column("renamed " + t + ".metadata to query_metadata (an early Alembic revision's name)",
                        "ALTER TABLE " + t + " RENAME COLUMN metadata TO query_metadata");
            }
            if (ac == null) {
                if (ec.nullable()) {
                    plan.column("added the missing column " + t + "." + ec.name() + " (" + ec.type() + ", NULL in existing rows)",
                            "ALTER TABLE " + t + " ADD COLUMN " + ec.name() + " " + ec.type());
                    if (ec.defaultExpr() != null) {
                        plan.column("set the default of " + t + "." + ec.name() + " to " + ec.defaultExpr(),
                                "ALTER TABLE " + t + " ALTER COLUMN " + ec.name() + " SET DEFAULT " + ec.defaultExpr());
                    }
                } else {
                    plan.blocker("column " + t + "." + ec.name() + " is missing and must not be NULL; it cannot be added to existing rows");
                }
                continue;
            }
            accounted.add(ac.name());
            String col = t + "." + ec.name();
            if (!ac.type().equals(ec.type())) {
                if (ac.type().startsWith("character varying(") && ec.type().equals("character varying")) {
                    plan.column("widened " + col + " from " + ac.type() + " to " + ec.type(),
                            "ALTER TABLE " + t + " ALTER COLUMN " + ec.name() + " TYPE " + ec.type());
                } else {
                    plan.blocker("column " + col + " is " + ac.type() + " where the schema has " + ec.type()
                            + "; converting it could change its values");
                }
            }
            if (ac.nullable() && !ec.nullable()) {
                long nulls = count(c, "SELECT count(*) FROM " + t + " WHERE " + ac.name() + " IS NULL");
                if (nulls > 0) {
                    plan.blocker("column " + col + " must not be NULL, but " + nulls + " row(s) have NULL there");
                } else {
                    plan.column("made " + col + " NOT NULL (no row has NULL there)",
                            "ALTER TABLE " + t + " ALTER COLUMN " + ec.name() + " SET NOT NULL");
                }
            } else if (!ac.nullable() && ec.nullable()) {
                plan.column("allowed NULL in " + col + " as V1 does (a later migration restores NOT NULL where it belongs)",
                        "ALTER TABLE " + t + " ALTER COLUMN " + ec.name() + " DROP NOT NULL");
            }
            if (!java.util.Objects.equals(ac.defaultExpr(), ec.defaultExpr())) {
                if (ec.defaultExpr() == null) {
                    plan.column("removed the default " + ac.defaultExpr() + " of " + col,
                            "ALTER TABLE " + t + " ALTER COLUMN " + ec.name() + " DROP DEFAULT");
                } else {
                    plan.column("set the database default of " + col + " to " + ec.defaultExpr()
                                    + (ac.defaultExpr() == null ? " (it was applied by the Python client only)" : " (was " + ac.defaultExpr() + ")"),
                            "ALTER TABLE " + t + " ALTER COLUMN " + ec.name() + " SET DEFAULT " + ec.defaultExpr());
                }
            }
        }
        for (Column ac : act.columns().values()) {
            if (!accounted.contains(ac.name())) {
                plan.blocker("column " + t + "." + ac.name() + " is not in the schema; adoption never drops data. Move its data"
                        + " elsewhere and drop the column (after `outreach db backup`), then run this again");
            }
        }
    }

    private void reconcileConstraints(Connection c, Table exp, Table act, char type, AdoptionPlan.Builder plan) throws SQLException {
        String t = exp.name();
        Set<String> matched = new HashSet<>();
        for (Constraint ec : exp.constraints().values()) {
            if (ec.type() != type) {
                continue;
            }
            Constraint same = null;
            Constraint similar = null;
            for (Constraint ac : act.constraints().values()) {
                if (ac.type() != type || matched.contains(ac.name())) {
                    continue;
                }
                if (ac.definition().equals(ec.definition())) {
                    if (same == null || ac.name().equals(ec.name())) {
                        same = ac;
                    }
                } else if (signature(ac).equals(signature(ec)) && similar == null) {
                    similar = ac;
                }
            }
            if (same != null) {
                matched.add(same.name());
                if (!same.name().equals(ec.name())) {
                    plan.addConstraint("renamed constraint " + same.name() + " on " + t + " to " + ec.name(),
                            "ALTER TABLE " + t + " RENAME CONSTRAINT " + same.name() + " TO " + ec.name());
                }
                continue;
            }
            if (similar != null) {
                matched.add(similar.name());
                plan.dropConstraint("replaced constraint " + similar.name() + " on " + t + " (" + similar.definition() + ") by "
                        + ec.name() + " (" + ec.definition() + ")", "ALTER TABLE " + t + " DROP CONSTRAINT " + similar.name());
            }
            String blocked = dataViolating(c, act, ec);
            if (blocked != null) {
                plan.blocker(blocked);
            } else {
                plan.addConstraint((similar == null ? "added the missing constraint " : "created ") + ec.name() + " on " + t
                        + " (" + ec.definition() + ")", "ALTER TABLE " + t + " ADD CONSTRAINT " + ec.name() + " " + ec.definition());
            }
        }
        for (Constraint ac : act.constraints().values()) {
            if (ac.type() != type || matched.contains(ac.name())) {
                continue;
            }
            if (type == 'f') {
                plan.dropConstraint("dropped foreign key " + ac.name() + " on " + t + " (" + ac.definition()
                        + "), which the schema does not have (no row is touched)", "ALTER TABLE " + t + " DROP CONSTRAINT " + ac.name());
            } else {
                plan.blocker("constraint " + ac.name() + " on " + t + " (" + ac.definition() + ") is not in the schema;"
                        + " drop it yourself if it is not needed, then run this again");
            }
        }
    }

    /** Why existing rows would break {@code con}, or null when they fit. */
    private String dataViolating(Connection c, Table act, Constraint con) throws SQLException {
        Matcher cols = Pattern.compile("\\(([^)]*)\\)").matcher(con.definition());
        if (!cols.find()) {
            return null;
        }
        String table = act.name();
        String columns = cols.group(1);
        for (String column : columns.split(",\\s*")) {
            if (!act.columns().containsKey(column)) {
                return null; // the column is added by this adoption: every row holds NULL there
            }
        }
        switch (con.type()) {
            case 'p', 'u' -> {
                long dup = count(c, "SELECT count(*) FROM (SELECT 1 FROM " + table + " GROUP BY " + columns
                        + " HAVING count(*) > 1) d");
                return dup == 0 ? null : "constraint " + con.name() + " (" + con.definition() + ") cannot be added: " + dup
                        + " value(s) of " + table + "(" + columns + ") occur more than once";
            }
            case 'f' -> {
                Matcher m = Pattern.compile("REFERENCES ([^(]+)\\(([^)]*)\\)").matcher(con.definition());
                if (!m.find()) {
                    return null;
                }
                long orphans = count(c, "SELECT count(*) FROM " + table + " x WHERE x." + columns + " IS NOT NULL AND NOT EXISTS"
                        + " (SELECT 1 FROM " + m.group(1) + " p WHERE p." + m.group(2) + " = x." + columns + ")");
                return orphans == 0 ? null : "foreign key " + con.name() + " cannot be added: " + orphans + " row(s) of " + table
                        + " point to a " + m.group(1) + " row that does not exist (" + columns + ")";
            }
            default -> {
                return null;
            }
        }
    }

    private static String signature(Constraint con) {
        Matcher m = FK_TARGET.matcher(con.definition());
        return con.type() + ":" + (m.find() ? m.group(1) : con.definition());
    }

    private void reconcileIndexes(Table exp, Table act, AdoptionPlan.Builder plan) {
        String t = exp.name();
        Set<String> matched = new HashSet<>();
        for (Index ei : exp.indexes().values()) {
            if (backsConstraint(exp, ei)) {
                continue;
            }
            String key = indexKey(ei);
            Index same = act.indexes().get(ei.name());
            if (same != null && indexKey(same).equals(key)) {
                matched.add(same.name());
                continue;
            }
            Index renamable = act.indexes().values().stream()
                    .filter(ai -> !matched.contains(ai.name()) && !backsConstraint(act, ai) && indexKey(ai).equals(key)
                            && !exp.indexes().containsKey(ai.name()))
                    .findFirst().orElse(null);
            if (same != null) {
                matched.add(same.name());
                plan.index("rebuilt index " + ei.name() + " on " + t + " as " + ei.definition() + " (was " + same.definition() + ")",
                        "DROP INDEX " + same.name(), ei.definition());
            } else if (renamable != null) {
                matched.add(renamable.name());
                plan.index("renamed index " + renamable.name() + " on " + t + " to " + ei.name(),
                        "ALTER INDEX " + renamable.name() + " RENAME TO " + ei.name());
            } else {
                plan.index("created the missing index " + ei.name() + " on " + t, ei.definition());
            }
        }
        for (Index ai : act.indexes().values()) {
            if (matched.contains(ai.name()) || backsConstraint(act, ai)) {
                continue;
            }
            boolean duplicate = exp.indexes().values().stream().anyMatch(ei -> indexKey(ei).equals(indexKey(ai)));
            if (duplicate) {
                plan.index("dropped index " + ai.name() + " on " + t + ", a second copy of an index the schema has",
                        "DROP INDEX " + ai.name());
            } else {
                plan.note("index " + ai.name() + " on " + t + " is not in the schema; it is kept and `outreach db verify` reports it");
            }
        }
    }

    private static boolean backsConstraint(Table table, Index index) {
        return table.constraints().containsKey(index.name());
    }

    /** The index definition without its name, so copies under other names compare equal. */
    private static String indexKey(Index index) {
        return INDEX_NAME.matcher(index.definition()).replaceFirst("CREATE $1INDEX ON ");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
