package dev.outreachpipeline.db;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.cli.ExitCodes;

/** Nothing runs on a database whose schema is not exactly the one the migrations define. */
public final class SchemaGate {

    private SchemaGate() {}

    /** @throws OutreachException (exit 3) listing every difference and the command that fixes them */
    public static void requireCurrent(Database db) {
        VerifyReport report = new SchemaVerifier(db).verify();
        if (report.clean()) {
            return;
        }
        var message = new StringBuilder();
        if (report.onlyMigrationsPending()) {
            message.append("The database (")
                    .append(db.description())
                    .append(", schema ")
                    .append(db.schema())
                    .append(") is not migrated:\n");
        } else {
            message.append("The database (")
                    .append(db.description())
                    .append(", schema ")
                    .append(db.schema())
                    .append(") has drifted from the schema the migrations define:\n");
        }
        report.differences()
                .forEach(d -> message.append("  - ").append(d.message()).append('\n'));
        if (report.onlyMigrationsPending()) {
            message.append(
                    "Nothing was started. Run `outreach db migrate` (or `outreach run --migrate`) to apply the pending migrations.");
        } else {
            message.append(
                    "Nothing was started. Run `outreach db verify` for the full report and what to do about each difference.");
        }
        throw new OutreachException(message.toString(), ExitCodes.DRIFT);
    }
}
