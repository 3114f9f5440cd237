package dev.outreachpipeline.db;

import dev.outreachpipeline.db.SchemaDifference.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Compares Flyway's history of a schema with this build's migration files: never migrated,
 * pending, failed, edited after being applied, or applied by a build that had other migrations.
 */
public final class MigrationHistoryCheck {

    private final List<SchemaDifference> differences = new ArrayList<>();
    private final String schemaVersion;
    private final MigrationVersion verifiedVersion;

    private MigrationHistoryCheck(String schemaVersion, MigrationVersion verifiedVersion) {
        this.schemaVersion = schemaVersion;
        this.verifiedVersion = verifiedVersion;
    }

    /**
     * @param state what the schema holds; without Flyway's history table there is no history to
     *              check, only the question of how the schema could be brought under migration
     */
    public static MigrationHistoryCheck of(DataSource dataSource, String schema, DatabaseState state) {
        Flyway flyway = Migrations.flyway(dataSource, schema);
        MigrationInfoService info = flyway.info();
        if (state.kind() != DatabaseState.Kind.OURS) {
            var check = new MigrationHistoryCheck(null, null);
            check.notMigrated(schema, state, info.pending());
            return check;
        }
        MigrationInfo current = info.current();
        var check = new MigrationHistoryCheck(
                current == null ? null : current.getVersion().getVersion(), lastGoodKnownVersion(info.all()));
        Set<String> reported = check.compare(info.all());
        // Pending migrations are reported above with better words; anything else Flyway objects
        // to (a renamed description, a changed type) is passed on as Flyway words it.
        ValidateResult validation = Migrations.configure(dataSource, schema)
                .ignoreMigrationPatterns("*:pending")
                .load()
                .validateWithResult();
        check.addValidationErrors(validation, reported);
        return check;
    }

    public List<SchemaDifference> differences() {
        return List.copyOf(differences);
    }

    /** Flyway's current version (the last applied migration), or null if none is applied. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /**
     * The version whose schema the database should hold: the last migration this build knows that
     * was applied successfully. Null when there is none, i.e. the schema should hold nothing yet.
     */
    public MigrationVersion verifiedVersion() {
        return verifiedVersion;
    }

    private void notMigrated(String schema, DatabaseState state, MigrationInfo[] pending) {
        String versions = versions(pending);
        String expected = pending.length + " migration(s) applied (" + versions + ")";
        switch (state.kind()) {
            case EMPTY ->
                add(
                        Kind.NOT_MIGRATED,
                        schema,
                        expected,
                        "an empty schema",
                        "Schema " + schema + " has never been migrated: it is empty and " + pending.length
                                + " migration(s) are pending (" + versions + ").");
            case PREDECESSOR ->
                add(
                        Kind.NOT_MIGRATED,
                        schema,
                        expected,
                        "the Python backend's tables, alembic revision " + state.alembicRevision(),
                        "Schema " + schema + " is the Python backend's database (alembic revision "
                                + state.alembicRevision()
                                + ") and has not been adopted: no migration is applied, " + pending.length
                                + " are pending (" + versions + ").");
            default ->
                add(
                        Kind.UNRECOGNISED_SCHEMA,
                        schema,
                        expected,
                        "tables " + String.join(", ", state.tables()),
                        "Schema " + schema
                                + " has no migration history and holds tables that are neither this program's"
                                + " nor the Python backend's: " + String.join(", ", state.tables()) + ".");
        }
    }

    /** @return the versions already reported, so that Flyway's own validation does not repeat them */
    private Set<String> compare(MigrationInfo[] all) {
        var reported = new HashSet<String>();
        for (MigrationInfo m : all) {
            String object = name(m);
            MigrationState state = m.getState();
            boolean found = true;
            if (state == MigrationState.PENDING) {
                add(
                        Kind.MIGRATION_PENDING,
                        object,
                        "applied",
                        "not applied",
                        "Migration " + describe(m) + " is pending: expected applied, found not applied.");
            } else if (state == MigrationState.IGNORED) {
                add(
                        Kind.MIGRATION_INVALID,
                        object,
                        "applied",
                        "skipped",
                        "Migration " + describe(m)
                                + " was never applied although later ones were, and `outreach db migrate`"
                                + " will not apply it out of order: expected applied, found skipped.");
            } else if (state.isFailed()) {
                add(
                        Kind.MIGRATION_FAILED,
                        object,
                        "applied successfully",
                        "failed",
                        "Migration " + describe(m) + " failed"
                                + (state.isResolved() ? "" : " (and this build has no such file)")
                                + ": expected applied successfully, found a failed attempt in "
                                + Migrations.HISTORY_TABLE + ".");
            } else if (state == MigrationState.MISSING_SUCCESS || state == MigrationState.FUTURE_SUCCESS) {
                add(
                        Kind.MIGRATION_UNKNOWN,
                        object,
                        "no such migration",
                        "applied",
                        "Migration " + describe(m)
                                + " is applied to the database but this build has no such migration file"
                                + (state == MigrationState.FUTURE_SUCCESS ? " (it was migrated by a newer build)" : "")
                                + ".");
            } else if (state.isApplied() && state.isResolved() && !m.isChecksumMatching()) {
                add(
                        Kind.MIGRATION_CHECKSUM_MISMATCH,
                        object,
                        "checksum " + m.getResolvedChecksum(),
                        "checksum " + m.getAppliedChecksum(),
                        "Migration " + describe(m) + " was edited after it was applied: the file's checksum is "
                                + m.getResolvedChecksum() + ", the database recorded " + m.getAppliedChecksum() + ".");
            } else {
                found = false;
            }
            if (found && m.getVersion() != null) {
                reported.add(m.getVersion().getVersion());
            }
        }
        return reported;
    }

    private void addValidationErrors(ValidateResult validation, Set<String> reported) {
        if (validation.validationSuccessful) {
            return;
        }
        boolean any = false;
        for (ValidateOutput invalid : validation.invalidMigrations) {
            if (invalid.version != null && reported.contains(invalid.version)) {
                continue;
            }
            any = true;
            String object =
                    invalid.version == null || invalid.version.isEmpty() ? invalid.description : "V" + invalid.version;
            String error = invalid.errorDetails == null
                    ? "rejected by Flyway's validation"
                    : invalid.errorDetails.errorMessage;
            add(Kind.MIGRATION_INVALID, object, null, null, "Migration " + object + ": " + oneLine(error));
        }
        if (!any && validation.invalidMigrations.isEmpty() && validation.errorDetails != null) {
            add(
                    Kind.MIGRATION_INVALID,
                    Migrations.HISTORY_TABLE,
                    null,
                    null,
                    "Flyway's validation failed: " + oneLine(validation.errorDetails.errorMessage));
        }
    }

    /** The last successful migration this build has a file for (or the baseline adoption recorded). */
    private static MigrationVersion lastGoodKnownVersion(MigrationInfo[] all) {
        MigrationVersion last = null;
        for (MigrationInfo m : all) {
            MigrationState state = m.getState();
            boolean good =
                    state.isApplied() && !state.isFailed() && (state.isResolved() || state == MigrationState.BASELINE);
            if (good
                    && m.getVersion() != null
                    && (last == null || m.getVersion().compareTo(last) > 0)) {
                last = m.getVersion();
            }
        }
        return last;
    }

    private static String name(MigrationInfo m) {
        return m.getVersion() == null
                ? "R " + m.getDescription()
                : "V" + m.getVersion().getVersion();
    }

    private static String describe(MigrationInfo m) {
        return name(m) + " (" + m.getDescription() + ")";
    }

    private static String versions(MigrationInfo[] migrations) {
        if (migrations.length == 0) {
            return "none";
        }
        return migrations.length == 1
                ? name(migrations[0])
                : name(migrations[0]) + " to " + name(migrations[migrations.length - 1]);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private void add(Kind kind, String object, String expected, String actual, String message) {
        differences.add(new SchemaDifference(kind, object, expected, actual, message));
    }
}
