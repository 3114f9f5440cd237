package dev.outreachpipeline.sending;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `outreach suppress …` on a real database. */
class SuppressCommandIT {

    private final TestDatabase db = TestPostgres.newDatabase();

    @TempDir
    Path tmp;

    private Map<String, String> env() {
        return db.env();
    }

    @Test
    void addListRemoveAndTheAddressIsCoveredByItsDomain() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();

        CliRun add = CliRun.run(env(), "suppress", "add", "Ann@Example.com", "www.Blocked.org", "--reason", "unsubscribed");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("ann@example.com suppressed").contains("blocked.org suppressed");
        assertThat(CliRun.run(env(), "suppress", "add", "ann@example.com").out()).contains("already suppressed");
        try (var database = db.open()) {
            var list = new Suppressions(database.dataSource());
            assertThat(list.covers("ANN@example.com")).isTrue();
            assertThat(list.covers("editor@blocked.org")).isTrue();
            assertThat(list.covers("bob@example.com")).isFalse();
        }
        assertThat(CliRun.run(env(), "suppress", "list").out()).contains("ann@example.com").contains("unsubscribed");
        assertThat(CliRun.run(env(), "suppress", "remove", "ann@example.com").exitCode()).isZero();
        assertThat(CliRun.run(env(), "suppress", "remove", "ann@example.com").exitCode()).isEqualTo(1);

        CliRun bad = CliRun.run(env(), "suppress", "add", "not an address\r\nBcc: x");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(CliRun.run(env(), "suppress", "add", "a@b.com", "--reason", "annoyed").exitCode()).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM suppressions")).isEqualTo(1);
    }

    @Test
    void importReportsBadLinesAndAddsTheRestThenExportRoundTrips() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        Path in = tmp.resolve("in.csv");
        Files.writeString(in, "email,reason,source\nx@one.com,bounced,old system\nnonsense,,\ntwo.net,,\n");

        CliRun imported = CliRun.run(env(), tmp, "suppress", "import", in.toString());

        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.out()).contains("Added 2, already suppressed 0, skipped 1");
        assertThat(imported.err()).contains("line 3").contains("nonsense");
        CliRun exported = CliRun.run(env(), "suppress", "export");
        assertThat(exported.out()).startsWith("entry,reason,source,created_at").contains("x@one.com,bounced,old system")
                .contains("two.net,manual");
    }
}
