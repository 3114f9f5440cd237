package dev.outreachpipeline.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `outreach prospects …` on a real database: handing prospects back, the reasons, and what a terminal is shown. */
class ProspectsCommandIT {

    private static final Pattern JOB_ID = Pattern.compile("job ([0-9a-f-]{36})");

    private final TestDatabase db = TestPostgres.newDatabase();

    @TempDir
    Path tmp;

    @BeforeEach
    void migrate() {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
    }

    private Map<String, String> env() {
        return db.env("OUTREACH_SENDER_NAME", "Sam Sender", "OUTREACH_JOBS_POLL_INTERVAL_MS", "100");
    }

    private String prospect(String domain, String status, String contact, String title) {
        return db.rowsOf(
                        "INSERT INTO prospects (domain, page_url, page_title, contact_email, contact_method, outreach_status,"
                                + " score, hunter_payload) VALUES ('" + domain + "', 'https://" + domain + "/p', "
                                + (title == null ? "NULL" : "'" + title.replace("'", "''") + "'") + ", "
                                + (contact == null ? "NULL" : "'" + contact + "'") + ", 'hunter_personal', '" + status
                                + "', 50, "
                                + ("pending".equals(status) ? "NULL" : "'{}'") + ") RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private String status(String id) {
        return db.rowsOf("SELECT outreach_status FROM prospects WHERE id = '" + id + "'")
                .get(0)
                .get("outreach_status")
                .toString();
    }

    private static String jobId(String out) {
        var m = JOB_ID.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    @Test
    void redraftEnqueuesTheDraftJobThatDraftsThemAndNamesIt() {
        String first = prospect("one.example", "drafted", "ed@one.example", "One");
        String second = prospect("two.example", "draft_failed", "ed@two.example", "Two");

        CliRun redraft = CliRun.run(env(), "prospects", "redraft", first);

        assertThat(redraft.exitCode()).as(redraft.err()).isZero();
        assertThat(redraft.out())
                .contains("1 prospect(s) will be drafted again by draft job")
                .contains("(enqueued now)");
        String job = jobId(redraft.out());
        assertThat(db.count("SELECT count(*) FROM jobs WHERE id = '" + job
                        + "' AND job_type = 'draft' AND status = 'pending'" + " AND origin = 'cli'"))
                .isOne();

        CliRun again = CliRun.run(env(), "prospects", "redraft", second);
        assertThat(again.out()).contains("by draft job " + job + ", which was waiting already");
        assertThat(db.count("SELECT count(*) FROM jobs WHERE job_type = 'draft'"))
                .isOne();

        CliRun run = CliRun.run(env(), "run", "--once");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(status(first)).isEqualTo("drafted");
        assertThat(status(second)).isEqualTo("drafted");
        assertThat(db.count("SELECT count(*) FROM jobs WHERE id = '" + job + "' AND status = 'completed'"))
                .isOne();
    }

    /** A prospect of the campaign (by name) with a draft, its subject "Old pitch". */
    private String drafted(String domain, String status, String contact, String campaign) {
        return db.rowsOf("INSERT INTO prospects (domain, contact_email, contact_method, contact_name, outreach_status,"
                        + " score, hunter_payload, draft_subject, draft_body, drafted_at, campaign_id) SELECT '"
                        + domain
                        + "', " + (contact == null ? "NULL" : "'" + contact + "'")
                        + ", 'hunter_personal', 'Ann', '" + status + "', 50, '{}', 'Old pitch', 'Old body', now(), id"
                        + " FROM campaigns WHERE name = '" + campaign + "' RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private String subject(String id) {
        return String.valueOf(db.rowsOf("SELECT draft_subject FROM prospects WHERE id = '" + id + "'")
                .get(0)
                .get("draft_subject"));
    }

    @Test
    void redraftCampaignAppliesItsChangedTemplatesToItsDraftedProspectsOnly() throws Exception {
        assertThat(CliRun.run(env(), "campaign", "create", "acme", "--site", "https://www.acme.example")
                        .exitCode())
                .isZero();
        String drafted = drafted("one.example", "drafted", "ed@one.example", "acme");
        String approved = drafted("two.example", "approved", "ed@two.example", "acme");
        String failed = drafted("three.example", "draft_failed", "ed@three.example", "acme");
        String sent = drafted("four.example", "sent", "ed@four.example", "acme");
        String noContact = drafted("five.example", "drafted", null, "acme");
        String otherCampaign = drafted("other.example", "drafted", "ed@other.example", "default");
        Path templates = Files.createDirectories(tmp.resolve("acme-templates"));
        Files.writeString(templates.resolve("subject.ftl"), "New pitch for ${domain}, from ${targetDomain}");
        CliRun update = CliRun.run(env(), tmp, "campaign", "update", "acme", "--templates", "acme-templates");
        assertThat(update.exitCode()).as(update.err()).isZero();

        CliRun redraft = CliRun.run(env(), "prospects", "redraft", "--campaign", "acme");

        assertThat(redraft.exitCode()).as(redraft.err()).isZero();
        assertThat(redraft.out())
                .contains("3 prospect(s) of campaign acme (")
                .contains("1 drafted")
                .contains("1 approved")
                .contains("1 draft_failed")
                .contains(") will be drafted again by draft job")
                .contains("(enqueued now)");
        assertThat(status(drafted)).isEqualTo("enriched");
        assertThat(status(approved)).isEqualTo("enriched");
        assertThat(status(failed)).isEqualTo("enriched");
        assertThat(status(sent)).isEqualTo("sent");
        assertThat(status(noContact)).isEqualTo("drafted");
        assertThat(status(otherCampaign)).isEqualTo("drafted");

        CliRun run = CliRun.run(env(), "run", "--once");
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String id : new String[] {drafted, approved, failed}) {
            assertThat(status(id)).isEqualTo("drafted");
            assertThat(subject(id)).startsWith("New pitch for ").endsWith(", from acme.example");
        }
        assertThat(subject(sent)).isEqualTo("Old pitch");
        assertThat(subject(otherCampaign)).isEqualTo("Old pitch");

        CliRun nothingLeft = CliRun.run(env(), "prospects", "redraft", "--campaign", "default");
        assertThat(nothingLeft.exitCode()).as(nothingLeft.err()).isZero();
        assertThat(status(otherCampaign)).isEqualTo("enriched");
        CliRun empty = CliRun.run(env(), "campaign", "create", "empty");
        assertThat(empty.exitCode()).isZero();
        CliRun none = CliRun.run(env(), "prospects", "redraft", "--campaign", "empty");
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).contains("Campaign empty has no drafted, approved or draft_failed prospect");

        CliRun both = CliRun.run(env(), "prospects", "redraft", "--campaign", "acme", drafted);
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("Name the prospects to redraft, or give --campaign NAME (not both).");
        assertThat(CliRun.run(env(), "prospects", "redraft").exitCode()).isEqualTo(2);
        CliRun unknown = CliRun.run(env(), "prospects", "redraft", "--campaign", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("No campaign is named 'nope'");
    }

    @Test
    void refreshSaysWhyEachProspectWasNotRefreshedAndEnqueuesAnEnrichJobForTheRest() {
        String enriched = prospect("enriched.example", "enriched", "ed@enriched.example", null);
        String pending = prospect("pending.example", "pending", null, null);
        String enriching = prospect("enriching.example", "enriching", null, null);
        String sent = prospect("sent.example", "sent", "ed@sent.example", null);
        String noDomain = prospect("", "no_email", null, null);
        String unknown = UUID.randomUUID().toString();

        CliRun refresh = CliRun.run(
                env(), "prospects", "refresh", enriched, pending, enriching, sent, noDomain, unknown, "nope");

        assertThat(refresh.exitCode()).isEqualTo(1);
        assertThat(refresh.out())
                .contains("1 prospect(s) will be looked up at Hunter again by enrich job")
                .contains("(enqueued now)");
        assertThat(db.count(
                        "SELECT count(*) FROM jobs WHERE id = '" + jobId(refresh.out()) + "' AND job_type = 'enrich'"))
                .isOne();
        assertThat(status(enriched)).isEqualTo("pending");
        assertThat(refresh.err())
                .contains(pending + ": not refreshed: it is waiting for an enrich job already (status pending).")
                .contains(enriching + ": not refreshed: an enrich job is looking it up right now (status enriching).")
                .contains(sent + ": not refreshed: it is sent; only enriched, no_email, enrich_failed, draft_failed and"
                        + " drafted prospects can be refreshed.")
                .contains(noDomain + ": not refreshed: it has no domain to look up.")
                .contains(unknown + ": not refreshed: no prospect has this id.")
                .contains("nope: not refreshed: 'nope' is not a prospect id")
                .doesNotContain("job id");
    }

    @Test
    void nothingHandedBackEnqueuesNothing() {
        String sent = prospect("sent.example", "sent", "ed@sent.example", null);

        CliRun redraft = CliRun.run(env(), "prospects", "redraft", sent);

        assertThat(redraft.exitCode()).isEqualTo(1);
        assertThat(redraft.out()).contains("0 prospect(s) will be drafted again; no job was enqueued.");
        assertThat(redraft.err())
                .contains(
                        "not redrafted: it is sent; only drafted, approved and draft_failed prospects can be redrafted.");
        assertThat(db.count("SELECT count(*) FROM jobs")).isZero();
    }

    @Test
    void resendSaysWhyASentProspectIsNotResentAndEnqueuesTheSendJobForAnUnknownOne() {
        String sent = prospect("sent.example", "sent", "ed@sent.example", null);
        String unknown = prospect("unknown.example", "send_unknown", "ed@unknown.example", null);

        CliRun refused = CliRun.run(env(), "prospects", "resend", sent);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains(sent + ": not resent: it was sent (status sent); only a send_unknown prospect,"
                        + " whose delivery is unknown, can be resent.")
                .doesNotContain("job id");

        CliRun resend = CliRun.run(env(), "prospects", "resend", unknown);
        assertThat(resend.exitCode()).as(resend.err()).isZero();
        assertThat(resend.out()).contains("1 prospect(s) will be sent again by send job");
        assertThat(db.count("SELECT count(*) FROM jobs WHERE id = '" + jobId(resend.out()) + "' AND job_type = 'send'"))
                .isOne();
        assertThat(status(unknown)).isEqualTo("approved");
    }

    @Test
    void everyProspectsCommandSpeaksOfProspectIds() {
        for (String[] args : new String[][] {{"show", "nope"}, {"approve", "nope"}}) {
            CliRun run = CliRun.run(env(), "prospects", args[0], args[1]);
            assertThat(run.exitCode()).as(args[0]).isEqualTo(2);
            assertThat(run.err())
                    .as(args[0])
                    .contains("'nope' is not a prospect id")
                    .doesNotContain("job id");
        }
        CliRun missing = CliRun.run(env(), "prospects", "show", "3f0c2a9e-0000-4000-8000-000000000000");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("No prospect has the id 3f0c2a9e-0000-4000-8000-000000000000.");
    }

    @Test
    void anUnknownStatusIsAUsageErrorListingTheValidOnes() {
        prospect("old.example", "legacy_status", null, null);

        CliRun bogus = CliRun.run(env(), "prospects", "list", "--status", "bogus");
        assertThat(bogus.exitCode()).isEqualTo(2);
        assertThat(bogus.err())
                .contains("'bogus' is not a prospect status; use one of pending, enriching, enriched,")
                .contains("send_unknown")
                .contains("legacy_status");
        assertThat(CliRun.run(env(), tmp, "prospects", "export", "--out", "x.csv", "--status", "bogus")
                        .exitCode())
                .isEqualTo(2);

        CliRun legacy = CliRun.run(env(), "prospects", "list", "--status", "legacy_status");
        assertThat(legacy.exitCode()).isZero();
        assertThat(legacy.out()).contains("old.example");
    }

    @Test
    void showAndListPrintEscapeSequencesFromPagesAsVisibleText() {
        String id = prospect(
                "garden.example", "enriched", "ed@garden.example", "Roses\u001B]0;pwned\u0007\u001B[2J\u009B6n");
        db.execute("UPDATE prospects SET draft_subject = 'Hi\u001B[31m', draft_body = E'Line one\\n\\u001B[2Jline two"
                + "\\n\\nA paragraph stored as one line is shown wrapped at 72 columns, as the send stage writes the"
                + " text part, and https://garden.example/a-link-that-is-never-cut-whatever-its-length-may-be-at-all',"
                + " contact_reason = E'\\u009B6n' WHERE id = '" + id + "'");

        CliRun show = CliRun.run(env(), "prospects", "show", id);

        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out())
                .doesNotContain("\u001B")
                .doesNotContain("\u0007")
                .doesNotContain("\u009B")
                .contains("Roses\\x1B]0;pwned\\x07\\x1B[2J\\x9B6n")
                .contains("Subject: Hi\\x1B[31m")
                .contains("  Line one\n  \\x1B[2Jline two\n")
                .contains("  A paragraph stored as one line is shown wrapped at 72 columns, as the\n"
                        + "  send stage writes the text part, and\n"
                        + "  https://garden.example/a-link-that-is-never-cut-whatever-its-length-may-be-at-all\n")
                .contains("\\x9B6n");
        assertThat(CliRun.run(env(), "prospects", "list").out())
                .doesNotContain("\u001B")
                .contains("garden.example");
        assertThat(CliRun.run(env(), "prospects", "list", "--json").out())
                .doesNotContain("\u001B")
                .doesNotContain("\u009B")
                .contains("Roses\\u001B]0;pwned\\u0007\\u001B[2J\\u009B6n");
    }

    @Test
    void theExportNeutralisesFormulaCellsUnlessRaw() throws Exception {
        prospect("evil.example", "enriched", "ed@evil.example", "=HYPERLINK(\"http://evil.example\",\"Click\")");

        assertThat(CliRun.run(env(), tmp, "prospects", "export", "--out", "safe.csv")
                        .exitCode())
                .isZero();
        assertThat(CliRun.run(env(), tmp, "prospects", "export", "--out", "raw.csv", "--raw")
                        .exitCode())
                .isZero();

        String safe = Files.readString(tmp.resolve("safe.csv"), StandardCharsets.UTF_8);
        String raw = Files.readString(tmp.resolve("raw.csv"), StandardCharsets.UTF_8);
        assertThat(safe)
                .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",")
                .doesNotContain(",\"=HYPERLINK");
        assertThat(raw).contains(",\"=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",");
    }
}
