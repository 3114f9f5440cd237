package dev.outreachpipeline.db;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.cli.ExitCodes;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** Nothing runs on a database whose schema is not exactly the one the migrations define. */
public final class SchemaGate {

    private SchemaGate() {
    }

    public static void requireCurrent(Database db) {
        Flyway flyway = Migrations.flyway(db.dataSource(), db.schema());
        MigrationInfo[] pending = flyway.info().pending();
        if (flyway.info().current() == null || pending.length > 0) {
            throw new OutreachException("The database (" + db.description() + ") is not migrated: "
                    + pending.length + " migration(s) pending. Run `outreach db migrate` (or `outreach run --migrate`).",
                    ExitCodes.DRIFT);
        }
    }
}
