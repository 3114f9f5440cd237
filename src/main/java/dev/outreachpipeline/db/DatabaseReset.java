package dev.outreachpipeline.db;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.cli.ExitCodes;
import dev.outreachpipeline.config.Masking;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code db reset}: drops this project's tables and functions (nothing else in the schema), forgets
 * the applied migrations, and migrates again, leaving the current schema empty. With a backup
 * directory the backup is taken from inside the dropping transaction, after its tables are locked
 * against writes, so it holds exactly the rows that are dropped.
 */
public final class DatabaseReset {

    /**
     * What a reset would drop.
     *
     * @param tables    this project's tables present in the schema, parents first, with their row counts
     * @param functions this project's functions present in the schema
     * @param history   whether Flyway's history table is present
     */
    public record Plan(String schema, Map<String, Long> tables, List<String> functions, boolean history) {

        /** One sentence for the operator, e.g. to ask for confirmation. */
        public String describe() {
            if (tables.isEmpty() && functions.isEmpty() && !history) {
                return "nothing in schema " + schema + " (none of this project's objects are there)";
            }
            var parts = new ArrayList<String>();
            if (!tables.isEmpty()) {
                var counted = new ArrayList<String>();
                tables.forEach((t, rows) -> counted.add(t + " (" + rows + " row" + (rows == 1 ? "" : "s") + ")"));
                parts.add("the tables " + String.join(", ", counted));
            }
            if (!functions.isEmpty()) {
                parts.add("the function(s) " + String.join(", ", functions));
            }
            if (history) {
                parts.add("the record of applied migrations (" + Migrations.HISTORY_TABLE + ")");
            }
            return String.join("; ", parts) + ", in schema " + schema;
        }
    }

    private final Database db;
    private final Consumer<String> progress;

    /** @param progress receives a line per step (and per table while backing up) */
    public DatabaseReset(Database db, Consumer<String> progress) {
        this.db = db;
        this.progress = progress;
    }

    /** What {@link #resetWithoutBackup()} would drop now; changes nothing. */
    public Plan plan() {
        try (Connection c = db.connection()) {
            return plan(c, ProjectSchema.load(db));
        } catch (SQLException e) {
            throw failed("reading what to drop", e);
        }
    }

    /** Backs up into {@code dir} (which must be new or empty), then resets. @return lines for the operator */
    public List<String> resetWithBackup(Path dir) {
        return reset(dir);
    }

    /** Resets without a backup: every row of this project's tables is lost. @return lines for the operator */
    public List<String> resetWithoutBackup() {
        return reset(null);
    }

    private List<String> reset(Path backupDir) {
        refuseUnrecognised();
        var report = new ArrayList<String>();
        try {
            ProjectSchema project = ProjectSchema.load(db);
            var backup = new DatabaseBackup(db, progress);
            SchemaVersion version = backupDir == null ? null : backup.requireBackupPossible(backupDir);
            try (Connection c = db.connection()) {
                // Read before the transaction: a repeatable-read snapshot must not be taken before the locks.
                Plan plan = plan(c, project);
                c.setAutoCommit(false);
                try {
                    try (Statement st = c.createStatement()) {
                        st.execute(SqlStatement.REPEATABLE_READ.text());
                        if (!plan.tables().isEmpty()) {
                            // EXCLUSIVE still lets the backup read, but nobody write what the backup would miss.
                            st.execute(SqlStatement.LOCK_TABLES.fill(
                                    Map.of("tables", qualifiedList(plan.tables().keySet()))));
                        }
                    }
                    if (backupDir != null) {
                        backup.backupFrom(c, backupDir, project, version);
                        report.add("Backed up to " + backupDir + ".");
                    }
                    drop(c, plan);
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    Transactions.rollBack(c, e);
                    throw e;
                }
                progress.accept("Dropped " + plan.describe());
                report.add("Dropped " + plan.tables().size() + " table(s) and "
                        + plan.functions().size() + " function(s).");
            }
        } catch (SQLException e) {
            throw failed("dropping", e);
        }
        report.addAll(new SchemaMigrator(db).migrate());
        return report;
    }

    /** Only a schema of ours is reset: after dropping our objects from anything else, migrating would refuse it. */
    private void refuseUnrecognised() {
        DatabaseState state;
        try (Connection c = db.connection()) {
            state = DatabaseState.inspect(c, db.schema());
        } catch (SQLException e) {
            throw failed("inspecting the schema", e);
        }
        switch (state.kind()) {
            case EMPTY, OURS -> {}
            case PREDECESSOR ->
                throw new OutreachException(
                        "Refusing to reset schema " + db.schema() + " of " + db.description()
                                + ": it holds the Python backend's database (alembic revision "
                                + state.alembicRevision() + "), not yet adopted."
                                + " Run `outreach db migrate` to adopt it first. Nothing was changed.",
                        ExitCodes.FAILURE);
            case FOREIGN ->
                throw new OutreachException(
                        "Refusing to reset schema " + db.schema() + " of " + db.description()
                                + ": it is not this project's (its tables: " + String.join(", ", state.tables())
                                + "). Nothing was changed.",
                        ExitCodes.FAILURE);
        }
    }

    private Plan plan(Connection c, ProjectSchema project) throws SQLException {
        DatabaseState state = DatabaseState.inspect(c, db.schema());
        var tables = new LinkedHashMap<String, Long>();
        try (Statement st = c.createStatement()) {
            for (String table : project.tableNames()) {
                if (state.tables().contains(table)) {
                    try (ResultSet rs = st.executeQuery(SqlStatement.COUNT_TABLE_ROWS.fill(
                            Map.of("table", SqlNames.qualified(db.schema(), table))))) {
                        rs.next();
                        tables.put(table, rs.getLong(1));
                    }
                }
            }
        }
        Set<String> present = SchemaCatalog.read(c, db.schema()).functions().keySet();
        List<String> functions =
                project.functions().stream().filter(present::contains).toList();
        return new Plan(db.schema(), tables, functions, state.tables().contains(Migrations.HISTORY_TABLE));
    }

    private void drop(Connection c, Plan plan) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (!plan.tables().isEmpty()) {
                st.execute(SqlStatement.DROP_TABLES.fill(
                        Map.of("tables", qualifiedList(plan.tables().keySet()))));
            }
            for (String function : plan.functions()) {
                int paren = function.indexOf('(');
                st.execute(SqlStatement.DROP_FUNCTION.fill(Map.of(
                        "function",
                        SqlNames.qualified(db.schema(), function.substring(0, paren)) + function.substring(paren))));
            }
            if (plan.history()) {
                st.execute(SqlStatement.EMPTY_MIGRATION_HISTORY.fill(
                        Map.of("table", SqlNames.qualified(db.schema(), Migrations.HISTORY_TABLE))));
            }
        }
    }

    private String qualifiedList(Iterable<String> tables) {
        var names = new ArrayList<String>();
        tables.forEach(t -> names.add(SqlNames.qualified(db.schema(), t)));
        return String.join(", ", names);
    }

    private OutreachException failed(String doing, Exception e) {
        return new OutreachException(
                "Resetting schema " + db.schema() + " of " + db.description() + " failed while " + doing + ": "
                        + Masking.maskText(Database.rootMessage(e))
                        + ". The drop was rolled back; nothing was dropped.",
                ExitCodes.FAILURE,
                e);
    }
}
