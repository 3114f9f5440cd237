package dev.outreachpipeline.db.adoption;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.cli.ExitCodes;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.DatabaseState;
import dev.outreachpipeline.db.DomainDuplicates;
import dev.outreachpipeline.db.Migrations;
import dev.outreachpipeline.db.SchemaCatalog;
import dev.outreachpipeline.db.ScratchSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over a database written by the Python predecessor: diffs its catalog against V1 with
 * {@link dev.outreachpipeline.db.CatalogDiff} (V1 read from a scratch schema migrated to V1, not from
 * the file), plans a fix for each difference ({@link AdoptionPlanner}) and applies the plan. It reconciles the variants
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
            var msg = new StringBuilder("This is the Python backend's database (alembic revision "
                    + state.alembicRevision() + "), but it cannot be adopted as it is. Nothing was changed.\n");
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
        try (Connection c = db.connection()) {
            SchemaCatalog live = SchemaCatalog.read(c, db.schema());
            return AdoptionPlanner.plan(expected, live, sql -> count(c, sql));
        }
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
                throw new OutreachException(
                        "Adopting the database failed and was rolled back, nothing changed: " + e.getMessage(),
                        ExitCodes.FAILURE,
                        e);
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
