package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

        CliRun add =
                CliRun.run(env(), "suppress", "add", "Ann@Example.com", "www.Blocked.org", "--reason", "unsubscribed");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("ann@example.com suppressed").contains("blocked.org suppressed");
        assertThat(CliRun.run(env(), "suppress", "add", "ann@example.com").out())
                .contains("already suppressed");
        try (var database = db.open()) {
            var list = new Suppressions(database.dataSource());
            assertThat(list.covers("ANN@example.com")).isTrue();
            assertThat(list.covers("editor@blocked.org")).isTrue();
            assertThat(list.covers("bob@example.com")).isFalse();
        }
        assertThat(CliRun.run(env(), "suppress", "list").out())
                .contains("ann@example.com")
                .contains("unsubscribed");
        assertThat(CliRun.run(env(), "suppress", "remove", "ann@example.com").exitCode())
                .isZero();
        assertThat(CliRun.run(env(), "suppress", "remove", "ann@example.com").exitCode())
                .isEqualTo(1);

        CliRun bad = CliRun.run(env(), "suppress", "add", "not an address\r\nBcc: x");
        assertThat(bad.exitCode()).isEqualTo(2);
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
        assertThat(exported.out())
                .startsWith("entry,reason,source,created_at")
                .contains("x@one.com,bounced,old system")
                .contains("two.net,manual");
    }

    @Test
    void oneMalformedLineNoLongerAbortsTheImport() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        Path in = tmp.resolve("messy.csv");
        var bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(
                ("first@one.com\n" // no header: the first line is data
                                + "\"broken@two.com,manual\n" // unbalanced quote
                                + "short.net\n" // short row: the defaults
                                + "third@three.com,Asked by phone,CRM export\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.writeBytes("caf\u00e9@latin1.com\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)); // not UTF-8
        bytes.writeBytes("last.org,unsubscribed\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(in, bytes.toByteArray());

        CliRun imported = CliRun.run(env(), tmp, "suppress", "import", in.toString());

        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.out())
                .contains("Added 4, already suppressed 0, skipped 2 (lines 2, 5; every other line was added).");
        assertThat(imported.err())
                .contains("line 2: skipped: a quote is opened and never closed")
                .contains("line 5: skipped: it is not valid UTF-8")
                .doesNotContain("CSVRecord")
                .doesNotContain("Input length");
        assertThat(db.rowsOf(
                        "SELECT coalesce(email, domain) AS entry, reason, note, source FROM suppressions ORDER BY 1"))
                .extracting(r -> r.get("entry") + " " + r.get("reason") + " " + r.get("note") + " " + r.get("source"))
                .containsExactly(
                        "first@one.com manual null imported from " + in,
                        "last.org unsubscribed null imported from " + in,
                        "short.net manual null imported from " + in,
                        "third@three.com manual Asked by phone CRM export");

        Path clean = tmp.resolve("clean.csv");
        Files.writeString(clean, "entry\nfourth@four.com\nfirst@one.com\n");
        CliRun again = CliRun.run(env(), tmp, "suppress", "import", clean.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Added 1, already suppressed 1, skipped 0.");
    }

    @Test
    void theExportNeutralisesFormulaCellsUnlessRawAndTheImportUndoesIt() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        String formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
        assertThat(CliRun.run(env(), "suppress", "add", "ann@example.com", "--source", formula)
                        .exitCode())
                .isZero();
        assertThat(CliRun.run(env(), "suppress", "add", "--source", "@import", "--", "-dash.example")
                        .exitCode())
                .isZero();

        CliRun safe = CliRun.run(env(), "suppress", "export");
        CliRun raw = CliRun.run(env(), "suppress", "export", "--raw");

        assertThat(safe.out())
                .contains("ann@example.com,manual,\"'=HYPERLINK(")
                .contains("'-dash.example,manual,'@import,")
                .doesNotContain(",\"=HYPERLINK")
                .doesNotContain(",@import");
        assertThat(raw.out())
                .contains("ann@example.com,manual,\"=HYPERLINK(")
                .contains("\n-dash.example,manual,@import,");

        TestDatabase other = TestPostgres.newDatabase();
        assertThat(CliRun.run(other.env(), "db", "migrate").exitCode()).isZero();
        Path file = tmp.resolve("export.csv");
        Files.writeString(file, safe.out());
        CliRun imported = CliRun.run(other.env(), tmp, "suppress", "import", file.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(other.rowsOf("SELECT coalesce(email, domain) AS entry, source FROM suppressions ORDER BY 1"))
                .extracting(r -> r.get("entry") + " " + r.get("source"))
                .containsExactly("-dash.example @import", "ann@example.com " + formula);
    }

    @Test
    void aReasonInWordsIsKeptAsANoteThatListShowsAndExportAndImportCarry() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        CliRun added = CliRun.run(env(), "suppress", "add", "ann@example.com", "--reason", "Asked by phone");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(CliRun.run(env(), "suppress", "add", "bob@example.com", "--reason", "Bounced")
                        .exitCode())
                .isZero();
        Path in = tmp.resolve("crm.csv");
        Files.writeString(in, "email,reason,source\ncid@example.com,Told us at the fair,CRM\n");
        CliRun imported = CliRun.run(env(), tmp, "suppress", "import", in.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        assertThat(db.rowsOf(
                        "SELECT coalesce(email, domain) AS entry, reason, note, source FROM suppressions ORDER BY 1"))
                .extracting(
                        r -> r.get("entry") + " | " + r.get("reason") + " | " + r.get("note") + " | " + r.get("source"))
                .containsExactly(
                        "ann@example.com | manual | Asked by phone | added by an operator",
                        "bob@example.com | bounced | null | added by an operator",
                        "cid@example.com | manual | Told us at the fair | CRM");
        assertThat(CliRun.run(env(), "suppress", "list").out())
                .contains("note: Asked by phone")
                .contains("note: Told us at the fair");
        assertThat(CliRun.run(env(), "suppress", "list", "--json").out())
                .contains("\"note\" : \"Asked by phone\"")
                .contains("\"note\" : null");

        CliRun exported = CliRun.run(env(), "suppress", "export");
        assertThat(exported.out())
                .startsWith("entry,reason,source,created_at,note")
                .contains(",Told us at the fair");
        TestDatabase other = TestPostgres.newDatabase();
        assertThat(CliRun.run(other.env(), "db", "migrate").exitCode()).isZero();
        Path file = tmp.resolve("export.csv");
        Files.writeString(file, exported.out());
        CliRun again = CliRun.run(other.env(), tmp, "suppress", "import", file.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(other.rowsOf(
                        "SELECT coalesce(email, domain) AS entry, reason, note, source FROM suppressions ORDER BY 1"))
                .extracting(
                        r -> r.get("entry") + " | " + r.get("reason") + " | " + r.get("note") + " | " + r.get("source"))
                .containsExactly(
                        "ann@example.com | manual | Asked by phone | added by an operator",
                        "bob@example.com | bounced | null | added by an operator",
                        "cid@example.com | manual | Told us at the fair | CRM");

        CliRun tooLong = CliRun.run(env(), "suppress", "add", "dan@example.com", "--reason", "x".repeat(501));
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.err()).contains("the note is 501 characters long; at most 500 are kept");
        assertThat(db.count("SELECT count(*) FROM suppressions WHERE email = 'dan@example.com'"))
                .isZero();
    }
}
