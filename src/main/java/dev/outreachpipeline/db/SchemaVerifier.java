package dev.outreachpipeline.db;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.cli.ExitCodes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;

/**
 * {@code db verify}, the audit automated: checks Flyway's history against this build's migrations,
 * and the live catalog against the catalog those migrations produce in a scratch schema.
 */
public final class SchemaVerifier {

    private final Database db;

    public SchemaVerifier(Database db) {
        this.db = db;
    }

    /** Reads only; the one thing it creates is a scratch schema, dropped again before it returns. */
    public VerifyReport verify() {
        String schema = db.schema();
        try {
            DatabaseState state;
            SchemaCatalog actual;
            try (Connection c = db.connection()) {
                state = DatabaseState.inspect(c, schema);
                actual = SchemaCatalog.read(c, schema);
            }
            MigrationHistoryCheck history = MigrationHistoryCheck.of(db.dataSource(), schema, state);
            var differences = new ArrayList<>(history.differences());
            var notes = new ArrayList<String>();
            // Without a history there is no version to compare with: the history check has said
            // what the schema is and how it can be brought under migration.
            if (state.kind() == DatabaseState.Kind.OURS) {
                CatalogDiff diff = CatalogDiff.between(expectedCatalog(history.verifiedVersion()), actual);
                differences.addAll(diff.differences());
                notes.addAll(diff.notes());
                if (differences.stream().anyMatch(d -> d.kind() == SchemaDifference.Kind.MIGRATION_PENDING)) {
                    notes.add("The schema was compared with what the migrations up to version "
                            + (history.verifiedVersion() == null
                                    ? "none"
                                    : history.verifiedVersion().getVersion())
                            + " (the last applied) define; the pending ones will change it further.");
                }
            }
            List<String> tables = actual.tables().keySet().stream()
                    .filter(CatalogDiff::isSchemaTable)
                    .toList();
            int foreignKeys = (int) tables.stream()
                    .flatMap(t -> actual.tables().get(t).constraints().values().stream())
                    .filter(k -> k.type() == 'f')
                    .count();
            return new VerifyReport(
                    db.description(), schema, history.schemaVersion(), tables, foreignKeys, differences, notes);
        } catch (SQLException e) {
            throw new OutreachException(
                    "Verifying schema " + schema + " of " + db.description() + " failed: " + e.getMessage(),
                    ExitCodes.FAILURE,
                    e);
        }
    }

    /**
     * The migrations are run only up to the last one applied, so that a database that is merely
     * behind shows pending migrations, not every change those migrations would make.
     */
    private SchemaCatalog expectedCatalog(MigrationVersion applied) throws SQLException {
        if (applied == null) {
            return new SchemaCatalog(null, Map.of(), Map.of());
        }
        return ScratchSchema.expectedCatalog(db.dataSource(), applied);
    }
}
