package dev.outreachpipeline.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.management.BoundedDatabase;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The unsubscribe link's reads and writes, and its journal, against the real schema (no daemon). */
class UnsubscribeRecordsIT {

    private static final TestDatabase db = TestPostgres.newDatabase();
    private static Database pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void migrate() {
        assertThat(CliRun.run(db.env(), "db", "migrate").exitCode()).isZero();
        pool = db.open();
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private static UUID prospect(String domain, String email) {
        return UUID.fromString(db.rowsOf("INSERT INTO prospects (domain, contact_email, outreach_status) VALUES ('"
                        + domain + "', '" + email + "', 'sent') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString());
    }

    @Test
    void aDatabaseThatRefusesConnectionsMeansTheRequestIsJournalledAndAppliedLater() throws Exception {
        UUID id = prospect("journal.example", "Owner@Journal.example");
        Path file = dir.resolve("journal.txt");
        var nowhere = new PGSimpleDataSource();
        try (ServerSocket free = new ServerSocket(0)) {
            nowhere.setURL("jdbc:postgresql://127.0.0.1:" + free.getLocalPort() + "/nowhere");
        }
        nowhere.setConnectTimeout(1);

        try (var down = new UnsubscribeRecords(
                new BoundedDatabase(nowhere, Duration.ofSeconds(2), "test-db", 1, 4), new UnsubscribeJournal(file))) {
            assertThat(down.unsubscribe(id, UnsubscribePages.ONE_CLICK)).isEqualTo(UnsubscribeRecords.Outcome.RECORDED);
            assertThat(down.contactOf(id)).isEmpty();
            down.replayJournal();
        }
        assertThat(Files.readAllLines(file)).hasSize(1);
        assertThat(db.count("SELECT count(*) FROM suppressions WHERE email = 'owner@journal.example'"))
                .isZero();

        // a line cut short by a crash, and a prospect deleted meanwhile, are dropped; the rest is applied
        UUID gone = UUID.randomUUID();
        Files.writeString(
                file,
                "cut-short\tone-click\n"
                        + new UnsubscribeJournal.Entry(gone, UnsubscribePages.ONE_CLICK, java.time.Instant.now())
                                .line(),
                java.nio.file.StandardOpenOption.APPEND);
        try (var up = new UnsubscribeRecords(
                new BoundedDatabase(pool.dataSource(), Duration.ofSeconds(5), "test-db", 1, 4),
                new UnsubscribeJournal(file))) {
            up.replayJournal();

            assertThat(up.contactOf(id)).isEqualTo("Owner@Journal.example");
            assertThat(up.contactOf(gone)).isNull();
        }
        assertThat(db.rowsOf("SELECT reason, source FROM suppressions WHERE email = 'owner@journal.example'"))
                .containsExactly(Map.of("reason", "unsubscribed", "source", UnsubscribePages.ONE_CLICK));
        assertThat(db.rowsOf("SELECT outreach_status FROM prospects WHERE id = '" + id + "'"))
                .containsExactly(Map.of("outreach_status", "unsubscribed"));
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void anUnknownProspectIsNotFoundAndWritesNothing() throws Exception {
        long before = db.count("SELECT count(*) FROM suppressions");
        try (var records = new UnsubscribeRecords(
                new BoundedDatabase(pool.dataSource(), Duration.ofSeconds(5), "test-db", 1, 4),
                new UnsubscribeJournal(dir.resolve("journal.txt")))) {
            assertThat(records.unsubscribe(UUID.randomUUID(), UnsubscribePages.CONFIRMATION_PAGE))
                    .isEqualTo(UnsubscribeRecords.Outcome.NOT_FOUND);
        }
        assertThat(db.count("SELECT count(*) FROM suppressions")).isEqualTo(before);
        assertThat(Files.exists(dir.resolve("journal.txt"))).isFalse();
    }
}
