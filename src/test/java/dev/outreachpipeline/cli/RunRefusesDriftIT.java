package dev.outreachpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.SchemaMigrator;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

class RunRefusesDriftIT {

    private final TestDatabase db = TestPostgres.newDatabase();

    @Test
    void refusesADatabaseChangedByHandAndPointsToVerify() {
        try (Database database = db.open()) {
            new SchemaMigrator(database).migrate();
        }
        db.execute("DROP INDEX ix_jobs_status");

        CliRun run = CliRun.run(db.env(), "run");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.DRIFT);
        assertThat(run.err())
                .contains("has drifted", "ix_jobs_status", "`outreach db verify`")
                .doesNotContain("`outreach db migrate`");
    }

    @Test
    void refusesAnEmptyDatabaseAndPointsToMigrate() {
        CliRun run = CliRun.run(db.env(), "run");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.DRIFT);
        assertThat(run.err()).contains("not migrated", "`outreach db migrate`", "`outreach run --migrate`");
        assertThat(db.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                .as("nothing was created")
                .isZero();
    }
}
