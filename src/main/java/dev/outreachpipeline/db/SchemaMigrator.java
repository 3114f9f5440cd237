package dev.outreachpipeline.db;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.cli.ExitCodes;
import dev.outreachpipeline.db.adoption.LegacyAdoption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * {@code db migrate}: decides whose database this is, adopts the predecessor's, refuses anything it
 * does not recognise, checks that old data fits the new constraints before changing anything, and
 * then lets Flyway apply what is pending.
 */
public final class SchemaMigrator {

    private final Database db;

    public SchemaMigrator(Database db) {
        this.db = db;
    }

    /** @return lines describing what was done, for the operator */
    public List<String> migrate() {
        var report = new ArrayList<String>();
        try {
            DatabaseState state;
            try (Connection c = db.connection()) {
                state = DatabaseState.inspect(c, db.schema());
            }
            Flyway flyway = Migrations.configureWithProgress(db.dataSource(), db.schema())
                    .load();
            switch (state.kind()) {
                case FOREIGN -> throw refuseForeign(state);
                case PREDECESSOR -> report.addAll(new LegacyAdoption(db).adopt(state, true));
                case EMPTY -> {}
                case OURS -> {
                    if (state.tables().contains("prospects") && DomainDuplicates.uniqueDomainPending(flyway)) {
                        DomainDuplicates.refuseIfAny(db);
                    }
                }
            }
            MigrateResult result = flyway.migrate();
            String version = flyway.info().current() == null
                    ? "none"
                    : flyway.info().current().getVersion().getVersion();
            report.add(
                    result.migrationsExecuted == 0
                            ? "The schema is up to date (version " + version + ")."
                            : "Applied " + result.migrationsExecuted + " migration(s); the schema is now at version "
                                    + version + ".");
            return report;
        } catch (SQLException e) {
            throw new OutreachException(
                    "Migrating " + db.description() + " failed: " + e.getMessage(), ExitCodes.FAILURE, e);
        }
    }

    /**
     * Brings the schema to just before the unique domain index (adopting a predecessor database on
     * the way), so that {@code db dedupe --apply} has the archive table to merge into.
     */
    public List<String> migrateUpToDedupe() {
        var report = new ArrayList<String>();
        try {
            DatabaseState state;
            try (Connection c = db.connection()) {
                state = DatabaseState.inspect(c, db.schema());
            }
            switch (state.kind()) {
                case FOREIGN -> throw refuseForeign(state);
                case EMPTY -> {
                    return report;
                }
                case PREDECESSOR -> report.addAll(new LegacyAdoption(db).adopt(state, false));
                case OURS -> {}
            }
            var target = org.flywaydb.core.api.MigrationVersion.fromVersion(
                    String.valueOf(Integer.parseInt(Migrations.UNIQUE_DOMAIN.getVersion()) - 1));
            Flyway flyway = Migrations.configureWithProgress(db.dataSource(), db.schema())
                    .target(target)
                    .load();
            int applied = flyway.migrate().migrationsExecuted;
            if (applied > 0) {
                report.add("Applied " + applied + " migration(s) up to version " + target.getVersion()
                        + " (the unique domain index comes after de-duplication).");
            }
            return report;
        } catch (SQLException e) {
            throw new OutreachException(
                    "Preparing " + db.description() + " for de-duplication failed: " + e.getMessage(),
                    ExitCodes.FAILURE,
                    e);
        }
    }

    private OutreachException refuseForeign(DatabaseState state) {
        String why = state.tables().contains(DatabaseState.ALEMBIC_TABLE)
                ? "It has an alembic_version table like the Python backend's, but lacks its table(s) "
                        + String.join(", ", state.missingPredecessorTables()) + "."
                : "Its tables are neither this project's nor the Python backend's: " + String.join(", ", state.tables())
                        + ".";
        return new OutreachException(
                "Refusing to migrate schema '" + db.schema() + "' of " + db.description() + ". " + why
                        + " Nothing was changed. Point DATABASE_URL at an empty database, or set outreach.database.schema to an empty schema.",
                ExitCodes.FAILURE);
    }
}
