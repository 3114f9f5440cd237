package dev.outreachpipeline.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality gates in the draft stage: a campaign template that leaves a placeholder makes the
 * prospect draft_failed with the gate's message, shown by {@code prospects show}; with the template
 * fixed, {@code prospects redraft} and the next draft job draft it.
 */
class DraftGatesIT {

    private final TestDatabase db = TestPostgres.newDatabase();

    @TempDir
    Path tmp;

    private Map<String, String> env() {
        return new HashMap<>(db.env("OUTREACH_SENDER_NAME", "Sam Sender", "OUTREACH_JOBS_POLL_INTERVAL_MS", "100"));
    }

    private CliRun draftJob() {
        db.execute("INSERT INTO jobs (job_type, params, origin) VALUES ('draft', '{}', 'test')");
        return CliRun.run(env(), "run", "--once");
    }

    private String status(String id) {
        return db.rowsOf("SELECT outreach_status FROM prospects WHERE id = '" + id + "'")
                .get(0)
                .get("outreach_status")
                .toString();
    }

    @Test
    void aPlaceholderLeftByTheCampaignsTemplateFailsTheDraftUntilTheTemplateIsFixed() throws Exception {
        assertThat(CliRun.run(env(), "db", "migrate").exitCode()).isZero();
        Path templates = Files.createDirectories(tmp.resolve("campaign-templates"));
        Files.writeString(templates.resolve("subject.ftl"), "A guest post idea for [Company]\n");
        db.execute("UPDATE campaigns SET templates_dir = '" + templates + "'");
        String id = db.rowsOf("INSERT INTO prospects (domain, page_url, page_title, contact_email, contact_method,"
                        + " contact_name, outreach_status, score) VALUES ('garden.example', 'https://garden.example/p',"
                        + " 'Shade plants', 'ed@garden.example', 'hunter_personal', 'Ed', 'enriched', 50)"
                        + " RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();

        CliRun run = draftJob();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(status(id)).isEqualTo("draft_failed");
        String message = "quality gate 'placeholder': the subject has an unfilled placeholder \"[Company]\"";
        CliRun show = CliRun.run(env(), "prospects", "show", id);
        assertThat(show.out()).contains("draft_failed").contains(message);
        assertThat(CliRun.run(env(), "prospects", "show", id, "--json").out())
                .contains("\"last_error\" : \"quality gate 'placeholder': the subject has an unfilled placeholder"
                        + " \\\"[Company]\\\"");

        Files.writeString(templates.resolve("subject.ftl"), "A guest post idea for ${domain}\n");
        assertThat(CliRun.run(env(), "prospects", "redraft", id).exitCode()).isZero();
        assertThat(draftJob().exitCode()).isZero();

        assertThat(status(id)).isEqualTo("drafted");
        assertThat(CliRun.run(env(), "prospects", "show", id).out())
                .contains("Subject: A guest post idea for garden.example")
                .doesNotContain("quality gate");
    }
}
