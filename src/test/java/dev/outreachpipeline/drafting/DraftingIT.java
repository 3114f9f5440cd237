package dev.outreachpipeline.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.prospects.ProspectCsv;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.Rows;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Draft jobs on enriched prospects: hostile input, template errors, approval, and the CSV export. */
class DraftingIT {

    private final TestDatabase db = TestPostgres.newDatabase();

    @TempDir
    Path tmp;

    private Map<String, String> env(String... extra) {
        var env = new HashMap<>(db.env("OUTREACH_SENDER_NAME", "Sam Sender", "OUTREACH_JOBS_POLL_INTERVAL_MS", "100"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    private String enriched(String domain, String title, String firstName, double score) {
        return db.rowsOf(
                        "INSERT INTO prospects (domain, page_url, page_title, contact_email, contact_method, contact_name,"
                                + " outreach_status, score) VALUES ('" + domain + "', 'https://" + domain + "/p', "
                                + (title == null ? "NULL" : "'" + title.replace("'", "''") + "'") + ", 'ed@" + domain
                                + "', 'hunter_personal', "
                                + (firstName == null ? "NULL" : "'" + firstName + "'") + ", 'enriched', " + score
                                + ") RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private CliRun draftJob(String... extraEnv) {
        db.execute("INSERT INTO jobs (job_type, params, origin) VALUES ('draft', '{}', 'test')");
        return CliRun.run(env(extraEnv), "run", "--once");
    }

    private Map<String, Object> prospect(String id) {
        return Rows.of(
                        db,
                        "(SELECT id, outreach_status, draft_subject, draft_body, draft_html, last_error FROM prospects)")
                .get(id);
    }

    @Test
    void hostileTitlesAndAMissingFirstNameNeverReachTheMessageRaw() {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        String id = enriched("garden.example", "Great\r\nBcc: victim@evil.test <script>alert(1)</script>", null, 50);

        CliRun run = draftJob("OUTREACH_DRAFTS_HTML", "true");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> p = prospect(id);
        assertThat(p).containsEntry("outreach_status", "drafted").containsEntry("last_error", null);
        assertThat((String) p.get("draft_subject"))
                .doesNotContain("\r")
                .doesNotContain("\n")
                .isNotBlank();
        assertThat((String) p.get("draft_body")).contains("Hi there,").contains("Sam Sender");
        assertThat((String) p.get("draft_html")).doesNotContain("<script>").contains("&lt;script&gt;");
        // no HTML template is shipped: the HTML part is made from the text, so the two say the same
        assertThat(p.get("draft_html")).isEqualTo(HtmlFromText.html((String) p.get("draft_body")));
    }

    @Test
    void aTemplateWithAnUnknownVariableFailsThatDraftAndSaysWhich() {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        db.execute(
                "INSERT INTO settings (key, value) VALUES ('email_template', '{\"subject\": \"Hello ${nosuchthing}\"}')");
        String id = enriched("garden.example", "A title", "Ann", 50);

        assertThat(draftJob().exitCode()).isZero();

        assertThat(prospect(id)).containsEntry("outreach_status", "draft_failed");
        assertThat((String) prospect(id).get("last_error")).contains("nosuchthing");
        assertThat(CliRun.run(env(), "prospects", "redraft", id).exitCode()).isZero();
        assertThat(prospect(id)).containsEntry("outreach_status", "enriched");
    }

    @Test
    void draftsWaitForApprovalUnlessApprovalIsSwitchedOff() {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        String low = enriched("low.example", "Low", "Lee", 20);
        String high = enriched("high.example", "High", "Hal", 80);

        assertThat(draftJob().exitCode()).isZero();
        assertThat(prospect(low)).containsEntry("outreach_status", "drafted");

        CliRun approve = CliRun.run(env(), "prospects", "approve", "--all", "--min-score", "50");
        assertThat(approve.out()).contains("Approved 1");
        assertThat(prospect(high)).containsEntry("outreach_status", "approved");
        assertThat(prospect(low)).containsEntry("outreach_status", "drafted");
        assertThat(CliRun.run(env(), "prospects", "approve", low).out()).contains("Approved 1");
        assertThat(CliRun.run(env(), "prospects", "approve").exitCode()).isEqualTo(2);

        String auto = enriched("auto.example", "Auto", "Al", 60);
        assertThat(draftJob("OUTREACH_SEND_REQUIRE_APPROVAL", "false").exitCode())
                .isZero();
        assertThat(prospect(auto)).containsEntry("outreach_status", "approved");
    }

    /** Drafting's lease is outreach.drafting.lease-seconds, not enrichment's (which it once borrowed). */
    @Test
    void aProspectLeftDraftingIsClaimedAgainAfterDraftingsOwnLease() {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        String id = enriched("stuck.example", "Stuck", "Sue", 50);
        // a worker that died a minute ago while drafting it
        db.execute("UPDATE prospects SET outreach_status = 'drafting', updated_at = now() - interval '1 minute'"
                + " WHERE id = '" + id + "'");

        CliRun run = draftJob("OUTREACH_DRAFTING_LEASE_SECONDS", "30", "OUTREACH_ENRICHMENT_LEASE_SECONDS", "86400");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(prospect(id)).containsEntry("outreach_status", "drafted");
    }

    @Test
    void withoutASenderNameTheDraftJobFailsWithoutTouchingAProspect() {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        for (int i = 0; i < 25; i++) {
            enriched("p" + i + ".example", "Title " + i, "Ann", i);
        }
        String prospectsNow =
                "SELECT id, outreach_status, updated_at, last_error, draft_subject FROM prospects ORDER BY id";
        List<Map<String, Object>> before = db.rowsOf(prospectsNow);
        var withoutSenderName = new HashMap<>(db.env("OUTREACH_JOBS_POLL_INTERVAL_MS", "100"));

        db.execute("INSERT INTO jobs (job_type, params, origin) VALUES ('draft', '{}', 'test')");
        CliRun run = CliRun.run(withoutSenderName, "run", "--once");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(db.rowsOf("SELECT status, error_message FROM jobs WHERE job_type = 'draft'"))
                .singleElement()
                .satisfies(job -> assertThat(job)
                        .containsEntry("status", "failed")
                        .containsEntry("error_message", "drafting: OUTREACH_SENDER_NAME is not set"));
        assertThat(db.rowsOf(prospectsNow)).as("no prospect claimed or changed").isEqualTo(before);
        String configCheck = CliRun.run(withoutSenderName, "config", "check", "--stage", "drafting")
                .out()
                .strip();
        assertThat(configCheck).isEqualTo("drafting: OUTREACH_SENDER_NAME is not set");

        // Once the name is set, the next draft job drafts them all: nothing had to be redrafted.
        assertThat(draftJob().exitCode()).isZero();
        assertThat(db.count("SELECT count(*) FROM prospects WHERE outreach_status = 'drafted'"))
                .isEqualTo(25);
    }

    @Test
    void theCsvExportRoundTripsEveryValue() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        enriched("comma.example", "Title, with \"quotes\"\nand a line break — ünïcode ☃", "Zoë", 42.5);
        enriched("plain.example", null, null, 10);
        Path file = tmp.resolve("prospects.csv");

        CliRun export = CliRun.run(env(), tmp, "prospects", "export", "--format", "csv", "--out", file.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out().strip()).isEqualTo(file.toString());
        List<Map<String, String>> rows;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = ProspectCsv.read(r);
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0))
                .containsEntry("domain", "comma.example")
                .containsEntry("page_title", "Title, with \"quotes\"\nand a line break — ünïcode ☃")
                .containsEntry("score", "42.50");
        assertThat(rows.get(1)).containsEntry("domain", "plain.example").containsEntry("page_title", null);
        assertThat(CliRun.run(env(), tmp, "prospects", "export", "--format", "xml", "--out", file.toString())
                        .exitCode())
                .isEqualTo(2);
    }
}
