package dev.outreachpipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.ManagementListener;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's suppressions section over HTTP on a real database: the list newest first, searched
 * and paged; adding with the checks of {@code suppress add} (one bad entry and nothing is added, 422
 * with every reason); removing; importing a CSV file uploaded as multipart/form-data (through the
 * console's BodyHandler, within its 256 KB) or pasted, read as {@code suppress import} reads a file;
 * forms without the CSRF token refused; hostile reasons shown as text.
 */
class SuppressionsConsoleIT {

    private static final String TOKEN = "suppressions-console-test-token-0123456789abc";
    private static final Pattern ENTRY_CELL = Pattern.compile("<tr>\\s*<td>([^<]+)</td>");
    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");

    private static TestDatabase db;
    private static ManagementListener listener;

    @BeforeAll
    static void start() {
        db = TestPostgres.migratedDatabase();
        listener = ManagementListener.start(db, "OUTREACH_ADMIN_TOKEN", TOKEN);
        listener.logIn(TOKEN);
    }

    @AfterAll
    static void stop() {
        listener.close();
    }

    @Test
    void theListIsNewestFirstSearchedAndPaged() {
        // 60 entries a minute apart, the newest last
        db.execute("INSERT INTO suppressions (domain, reason, source, created_at)"
                + " SELECT 'paged' || lpad(n::text, 2, '0') || '.example', 'manual', 'a test',"
                + " now() - interval '1 day' + make_interval(mins => n) FROM generate_series(1, 60) n");
        HttpResponse<String> first = listener.get("/suppressions?q=paged");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        List<String> seen = new ArrayList<>(entries(first));
        assertThat(seen).hasSize(50).startsWith("paged60.example", "paged59.example");
        Matcher next = NEXT.matcher(first.body());
        assertThat(next.find()).isTrue();
        HttpResponse<String> second = listener.get(next.group(1).replace("&amp;", "&"));
        assertThat(second.statusCode()).isEqualTo(200);
        seen.addAll(entries(second));
        assertThat(seen).hasSize(60).doesNotHaveDuplicates().endsWith("paged01.example");
        assertThat(NEXT.matcher(second.body()).find()).isFalse();

        assertThat(entries(listener.get("/suppressions?q=PAGED07"))).containsExactly("paged07.example");
        assertThat(listener.get("/suppressions?cursor=zzz").statusCode()).isEqualTo(422);
    }

    @Test
    void addingSuppressesEveryEntryWithItsReasonAndTheNoteInWords() {
        HttpResponse<String> added = listener.submit(
                "/suppressions",
                "/suppressions",
                "entries",
                "Ann@Shop.example\nfull.example, gone.example",
                "reason",
                "asked by phone <script>alert(1)</script>");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        HttpResponse<String> page = listener.get("/suppressions?q=asked%20by%20phone");
        assertThat(page.body())
                .contains("Suppressed: ann@shop.example, full.example, gone.example.")
                .contains("asked by phone &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
        assertThat(entries(page)).containsExactlyInAnyOrder("ann@shop.example", "full.example", "gone.example");
        assertThat(db.count("SELECT count(*) FROM suppressions WHERE source = 'added in the console'"
                        + " AND reason = 'manual' AND note LIKE 'asked by phone%'"))
                .isEqualTo(3);

        HttpResponse<String> again = listener.submit("/suppressions", "/suppressions", "entries", "full.example");
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(listener.get("/suppressions").body()).contains("Already suppressed: full.example.");
    }

    @Test
    void oneBadEntryAddsNothingAndEveryReasonIsShownWithTheValuesTyped() {
        long before = db.count("SELECT count(*) FROM suppressions");
        HttpResponse<String> refused = listener.submit(
                "/suppressions",
                "/suppressions",
                "entries",
                "fine.example\nnot an@address\n<b>bad</b>",
                "reason",
                "x".repeat(501));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("nothing was suppressed")
                .contains("&#39;not&#39; is neither an email address nor a domain")
                .contains("&#39;an@address&#39; is not an email address")
                .contains("&#39;&lt;b&gt;bad&lt;/b&gt;&#39; is neither an email address nor a domain")
                .contains("the reason is not kept: the note is 501 characters long; at most 500 are kept")
                .contains("fine.example\nnot an@address\n&lt;b&gt;bad&lt;/b&gt;</textarea>");
        HttpResponse<String> empty = listener.submit("/suppressions", "/suppressions", "entries", " ");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("entries must name at least one email address or domain");

        HttpResponse<String> noCsrf = listener.postForm("/suppressions", null, "entries", "sneaky.example");
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(db.count("SELECT count(*) FROM suppressions")).isEqualTo(before);
    }

    @Test
    void removingLiftsOneEntryInTheWordsOfSuppressRemove() {
        db.execute("INSERT INTO suppressions (email, reason, source) VALUES ('lift@me.example', 'manual', 'a test')");
        HttpResponse<String> page = listener.get("/suppressions?q=lift");
        assertThat(page.body())
                .contains("<input type=\"hidden\" name=\"entry\" value=\"lift@me.example\">")
                .contains("data-confirm=\"Lift the suppression of lift@me.example?");

        HttpResponse<String> noCsrf = listener.postForm("/suppressions/remove", null, "entry", "lift@me.example");
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(db.count("SELECT count(*) FROM suppressions WHERE email = 'lift@me.example'"))
                .isEqualTo(1);

        HttpResponse<String> removed =
                listener.submit("/suppressions", "/suppressions/remove", "entry", "lift@me.example");
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(listener.get("/suppressions").body()).contains("lift@me.example is no longer suppressed.");
        assertThat(db.count("SELECT count(*) FROM suppressions WHERE email = 'lift@me.example'"))
                .isZero();

        listener.submit("/suppressions", "/suppressions/remove", "entry", "lift@me.example");
        assertThat(listener.get("/suppressions").body()).contains("lift@me.example was not suppressed.");
        HttpResponse<String> bad = listener.submit("/suppressions", "/suppressions/remove", "entry", "nope");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("nothing was removed");
    }

    @Test
    void anUploadedCsvFileIsImportedAsSuppressImportReadsItWithARefusalPerLine() throws Exception {
        db.execute("INSERT INTO suppressions (domain, reason, source) VALUES ('known.example', 'manual', 'a test')");
        String csv = "entry,reason,source\n"
                + "up1@file.example,unsubscribed,\n"
                + "upload2.example,,the old CRM\n"
                + "known.example,,\n"
                + "not an entry,,\n"
                + "\"broken,,\n";
        HttpResponse<String> imported = upload("list.csv", csv.getBytes(StandardCharsets.UTF_8), "");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(303);
        String page = listener.get("/suppressions").body();
        assertThat(page)
                .contains("Added 2, already suppressed 1, refused 2 (line 5: &#39;not an entry&#39; is neither an"
                        + " email address nor a domain; line 6: a quote is opened and never closed");
        assertThat(db.count("SELECT count(*) FROM suppressions WHERE email = 'up1@file.example'"
                        + " AND reason = 'unsubscribed' AND source = 'imported from list.csv in the console'"))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM suppressions WHERE domain = 'upload2.example'"
                        + " AND source = 'the old CRM'"))
                .isEqualTo(1);

        // the same file through `suppress import` counts the same lines (all known by now)
        Path file = Files.createTempFile("suppressions", ".csv");
        Files.writeString(file, csv);
        CliRun cli =
                CliRun.run(db.env(), "suppress", "import", file.toAbsolutePath().toString());
        assertThat(cli.out()).contains("Added 0, already suppressed 3, skipped 2 (lines 5, 6;");
        assertThat(cli.err()).contains("line 5: skipped: 'not an entry' is neither an email address nor a domain.");
    }

    @Test
    void pastedLinesAreImportedAndAnEmptyImportIsRefused() {
        HttpResponse<String> pasted = listener.submit(
                "/suppressions", "/suppressions/import", "csv", "pasted1.example\npasted2@x.example,complained\n");
        assertThat(pasted.statusCode()).as(pasted.body()).isEqualTo(303);
        assertThat(listener.get("/suppressions").body()).contains("Added 2, already suppressed 0, refused 0.");
        assertThat(db.count("SELECT count(*) FROM suppressions WHERE source = 'imported in the console'"))
                .isEqualTo(2);

        HttpResponse<String> nothing = upload("", new byte[0], " ");
        assertThat(nothing.statusCode()).isEqualTo(422);
        assertThat(nothing.body()).contains("choose a CSV file or paste its lines");
    }

    @Test
    void anUploadLargerThan256KbIsRefusedWithASentenceAndAddsNothing() {
        long before = db.count("SELECT count(*) FROM suppressions");
        var big = new StringBuilder();
        for (int n = 0; big.length() < 300 * 1024; n++) {
            big.append("big").append(n).append(".example\n");
        }
        HttpResponse<String> refused = upload("big.csv", big.toString().getBytes(StandardCharsets.UTF_8), "");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("larger than 256 KB");
        assertThat(db.count("SELECT count(*) FROM suppressions")).isEqualTo(before);
        assertThat(listener.get("/suppressions").body()).contains("At most 256 KB a request");

        // the API refuses as large a body in its own error shape
        HttpResponse<String> api = listener.call(
                "POST", "/api/v1/suppressions", TOKEN, "{\"entries\": [\"" + "a".repeat(300 * 1024) + "\"]}");
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.body())
                .contains("\"error\" : \"the request is too large\"")
                .contains("256 KB");
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() {
        HttpResponse<String> refused = multipart(null, "sneaky.csv", "sneaky.example\n".getBytes(), "");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(db.count("SELECT count(*) FROM suppressions WHERE domain = 'sneaky.example'"))
                .isZero();
    }

    private static HttpResponse<String> upload(String fileName, byte[] content, String pasted) {
        return multipart(ManagementListener.csrf(listener.get("/suppressions")), fileName, content, pasted);
    }

    /** The import form as a browser sends it: multipart/form-data with the CSRF field, the file and the textarea. */
    private static HttpResponse<String> multipart(String csrf, String fileName, byte[] content, String pasted) {
        String boundary = "----console-test-boundary";
        var body = new ByteArrayOutputStream();
        if (csrf != null) {
            part(body, boundary, "Content-Disposition: form-data; name=\"X-XSRF-TOKEN\"", csrf.getBytes());
        }
        part(
                body,
                boundary,
                "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                        + "Content-Type: text/csv",
                content);
        part(body, boundary, "Content-Disposition: form-data; name=\"csv\"", pasted.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return listener.send(listener.request("/suppressions/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static List<String> entries(HttpResponse<String> page) {
        var out = new ArrayList<String>();
        Matcher m = ENTRY_CELL.matcher(page.body());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
