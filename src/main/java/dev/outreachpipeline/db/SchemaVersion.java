package dev.outreachpipeline.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Where a database stands in the migrations, as Flyway's history records it.
 *
 * @param current the version last applied, or null when none is
 * @param latest  the version of the newest migration this program has
 * @param pending how many of this program's migrations are not applied yet
 */
public record SchemaVersion(MigrationVersion current, MigrationVersion latest, int pending) {

    public static SchemaVersion of(Database db) {
        Flyway flyway = Migrations.flyway(db.dataSource(), db.schema());
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        MigrationVersion latest = null;
        for (MigrationInfo m : info.all()) {
            // Only migrations this program has: a newer program's, recorded as applied, are not ours to lead to.
            if (m.getState().isResolved()
                    && m.getVersion() != null
                    && (latest == null || m.getVersion().compareTo(latest) > 0)) {
                latest = m.getVersion();
            }
        }
        return new SchemaVersion(current == null ? null : current.getVersion(), latest, info.pending().length);
    }

    /** Every migration of this program is applied. */
    public boolean isCurrent() {
        return current != null && pending == 0;
    }

    /** The current version as the manifest records it, e.g. {@code 5}; "none" when nothing is applied. */
    public String display() {
        return current == null ? "none" : current.getVersion();
    }
}
