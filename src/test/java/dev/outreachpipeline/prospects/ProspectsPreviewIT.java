package dev.outreachpipeline.prospects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.sending.UnsubscribeTokens;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prospects preview} and {@code prospects edit} on a real database with the sending settings of
 * a real mailbox: the message shown is the send stage's, a template on trial is drafted and gated but
 * saved nowhere, and an edit (from options or from $EDITOR) is saved only when the send stage would
 * take it.
 */
class ProspectsPreviewIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "an-unsubscribe-secret-of-at-least-32-chars";

    private static TestDatabase db;

    @TempDir
    Path tmp;

    @BeforeAll
    static void migrate() {
        db = TestPostgres.migratedDatabase();
    }

    private static Map<String, String> env(String... extra) {
        var pairs = new java.util.ArrayList<>(List.of(
                "OUTREACH_SENDER_NAME",
                "Sam Sender",
                "SMTP_HOST",
                "127.0.0.1",
                "MAIL_FROM",
                "sam@sender.example",
                "MAIL_FROM_NAME",
                "Sam Sender",
                "SENDER_POSTAL_ADDRESS",
                "1 Main Street, Springfield",
                "OUTREACH_UNSUBSCRIBE_SECRET",
                SECRET,
                "OUTREACH_HTTP_PUBLIC_BASE_URL",
                "https://outreach.example"));
        pairs.addAll(List.of(extra));
        return db.env(pairs.toArray(String[]::new));
    }

    /** A prospect of the campaign; with a draft "A pitch" / "A body" unless it is enriched. */
    private static String prospect(String domain, String status, String campaign) {
        return db.rowsOf("INSERT INTO prospects (domain, page_url, page_title, outreach_status, score, contact_email,"
                        + " contact_method, contact_name, draft_subject, draft_body, drafted_at, hunter_payload,"
                        + " campaign_id) SELECT '" + domain + "', 'https://" + domain + "/p', 'Shade plants', '"
                        + status + "', 70, 'ann@" + domain + "', 'hunter_personal', 'Ann', "
                        + ("enriched".equals(status) ? "NULL, NULL, NULL" : "'A pitch', 'A body', now()")
                        + ", '{}', id FROM campaigns WHERE name = '" + campaign + "' RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private static Map<String, Object> draft(String id) {
        return db.rowsOf("SELECT outreach_status, draft_subject, draft_body, draft_html FROM prospects WHERE id = '"
                        + id + "'")
                .get(0);
    }

    @Test
    void previewShowsTheMessageAsTheSendStageWouldSendIt() throws Exception {
        String id = prospect("shown.example", "drafted", "default");
        // third-party text reaches the HTML part unchecked (DraftRules judge the subject and text): an escape
        // sequence in it must not act on the terminal
        db.execute(
                "UPDATE prospects SET draft_html = '<p>A <b>body</b></p>' || chr(27) || '[2J' WHERE id = '" + id + "'");
        String token = new UnsubscribeTokens(SECRET.getBytes()).tokenFor(UUID.fromString(id));

        CliRun preview = CliRun.run(env(), "prospects", "preview", id);

        assertThat(preview.exitCode()).as(preview.err()).isZero();
        assertThat(preview.out())
                .contains("from mailbox default")
                .contains("From: Sam Sender <sam@sender.example>\n")
                .contains("To: ann@shown.example\n")
                .contains("Subject: A pitch\n")
                .contains("Date: (set when the message is sent)\n")
                .contains("Message-ID: (set when the message is sent)\n")
                .contains("Content-Type: multipart/alternative; boundary=")
                .contains("List-Unsubscribe: <https://outreach.example/u/" + token + ">, <mailto:")
                .contains("----- text/plain -----\nA body\n\n--\n1 Main Street, Springfield\n")
                // format=flowed: the link is longer than a line, so it stands on its own after a soft break
                .contains("Unsubscribe: \nhttps://outreach.example/u/" + token + "\n")
                .contains("----- text/html -----\n<p>A <b>body</b></p>\\x1B[2J")
                .contains("href=\"https://outreach.example/u/" + token + "\"")
                .doesNotContain("\u001b");

        CliRun json = CliRun.run(env(), "prospects", "preview", id, "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode message = JSON.readTree(json.out()).path("message");
        assertThat(message.path("headers").path("To").asText()).isEqualTo("ann@shown.example");
        assertThat(message.path("text").asText()).startsWith("A body\n\n--\n1 Main Street");
        assertThat(message.path("html").asText()).contains("Unsubscribe</a>");
    }

    @Test
    void aProspectWithNoMessageToGoOutIsNamedWithWhy() {
        String enriched = prospect("early.example", "enriched", "default");
        String sent = prospect("done.example", "sent", "default");
        String unknown = UUID.randomUUID().toString();

        CliRun noDraft = CliRun.run(env(), "prospects", "preview", enriched);
        assertThat(noDraft.exitCode()).isEqualTo(1);
        assertThat(noDraft.err()).contains("(early.example) has no draft yet (status enriched)");
        CliRun already = CliRun.run(env(), "prospects", "preview", sent);
        assertThat(already.exitCode()).isEqualTo(1);
        assertThat(already.err()).contains("(done.example) was sent already (status sent");
        String unknownDelivery = prospect("lost.example", "send_unknown", "default");
        assertThat(CliRun.run(env(), "prospects", "preview", unknownDelivery).err())
                .contains("its delivery became unknown (status send_unknown); `outreach prospects resend");
        CliRun nobody = CliRun.run(env(), "prospects", "preview", unknown);
        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.err()).contains("No prospect has the id " + unknown);
        assertThat(CliRun.run(env(), "prospects", "preview", "nope").exitCode()).isEqualTo(2);
    }

    @Test
    void aTemplateOnTrialIsDraftedAndGatedButNothingIsSaved() throws Exception {
        db.execute("INSERT INTO campaigns (name, site_url) VALUES ('trial', 'https://www.acme.example')");
        String next = prospect("next.example", "enriched", "trial");
        String drafted = prospect("drafted.example", "drafted", "trial");
        Path good = Files.createDirectories(tmp.resolve("good"));
        Files.writeString(good.resolve("subject.ftl"), "A trial idea for ${domain}");
        Files.writeString(
                good.resolve("body.txt.ftl"),
                "Hello ${firstName!\"there\"},\n\nI read your page on ${domain} and liked how clearly it explains"
                        + " the topic to readers who are new to it. Would you consider a short guest article from"
                        + " me about ${targetDomain}, written for your readers?\n\nBest regards,\n${senderName}\n");
        String before = db.rowsOf("SELECT * FROM prospects ORDER BY id").toString();

        CliRun trial = CliRun.run(env(), tmp, "prospects", "preview", "--template", "good", "--campaign", "trial");

        assertThat(trial.exitCode()).as(trial.out() + trial.err()).isZero();
        assertThat(trial.out())
                .contains("Drafted 2 prospect(s) with the templates in " + good.toAbsolutePath())
                .contains("nothing was saved")
                // the one a draft job would draft next comes first
                .containsSubsequence("===== " + next + " (next.example, campaign trial)", "===== " + drafted)
                .contains("Subject: A trial idea for next.example")
                .contains("Hello Ann,")
                .contains("a short guest article from me about acme.example");
        assertThat(db.rowsOf("SELECT * FROM prospects ORDER BY id").toString()).isEqualTo(before);

        Path spammy = Files.createDirectories(tmp.resolve("spammy"));
        Files.writeString(
                spammy.resolve("body.txt.ftl"),
                "Hello ${firstName!\"there\"},\n\nI read your page on ${domain} and would like to write a guest"
                        + " article for your readers. Click here to see my earlier articles and say which one you"
                        + " like best.\n\nBest regards,\n${senderName}\n");
        CliRun gated = CliRun.run(env(), "prospects", "preview", "--template", spammy.toString(), next, "--json");
        assertThat(gated.exitCode()).isEqualTo(1);
        JsonNode sample = JSON.readTree(gated.out()).path("samples").get(0);
        assertThat(sample.path("passed").asBoolean()).isFalse();
        assertThat(sample.path("gate").asText()).isEqualTo("spam-words");
        assertThat(sample.path("failure").asText())
                .startsWith("quality gate 'spam-words': ")
                .contains("\"Click here\"");
        assertThat(db.rowsOf("SELECT * FROM prospects ORDER BY id").toString()).isEqualTo(before);

        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("subject.ftl"), "Fine\n${domain");
        CliRun refused = CliRun.run(env(), "prospects", "preview", "--template", broken.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err())
                .contains("were not tried")
                .contains(broken.resolve("subject.ftl").toString())
                .contains("line 2");
    }

    @Test
    void anEditFromTheCommandLineIsSavedWhenTheSendStageWouldTakeIt() throws Exception {
        String id = prospect("edit.example", "approved", "default");
        Path body = Files.writeString(tmp.resolve("body.txt"), "New words,\nsecond line.\n");

        CliRun edit = CliRun.run(
                env(), tmp, "prospects", "edit", id, "--subject", "A better subject", "--body-file", "body.txt");

        assertThat(edit.exitCode()).as(edit.err()).isZero();
        assertThat(edit.out()).contains("Saved the draft of prospect " + id + " (approved).");
        assertThat(draft(id))
                .containsEntry("draft_subject", "A better subject")
                .containsEntry("draft_body", "New words,\nsecond line.\n")
                .containsEntry("outreach_status", "approved");

        CliRun injected = CliRun.run(env(), "prospects", "edit", id, "--subject", "Hi\r\nBcc: all@else.example");
        assertThat(injected.exitCode()).isEqualTo(2);
        assertThat(injected.err()).contains("not saved: the Subject").contains("line break or control character");
        assertThat(draft(id)).containsEntry("draft_subject", "A better subject");

        CliRun same = CliRun.run(env(), "prospects", "edit", id, "--body-file", body.toString());
        assertThat(same.exitCode()).isZero();
        assertThat(same.out()).contains("Nothing changed");

        // from standard input; a gate the edit fails is named, and the edit is saved all the same
        var stdin = System.in;
        CliRun piped;
        try {
            System.setIn(new java.io.ByteArrayInputStream("Click here for more.\n".getBytes(StandardCharsets.UTF_8)));
            piped = CliRun.run(env(), "prospects", "edit", id, "--body-file", "-");
        } finally {
            System.setIn(stdin);
        }
        assertThat(piped.exitCode()).as(piped.err()).isZero();
        assertThat(piped.err()).contains("Note: as drafted, this would fail quality gate '");
        assertThat(draft(id)).containsEntry("draft_body", "Click here for more.\n");
    }

    @Test
    void anEditInTheEditorIsSavedAndARefusedOneIsKept() throws Exception {
        String id = prospect("editor.example", "drafted", "default");
        Path editor = script(
                "editor.sh",
                "sed -i -e 's/^Subject: .*/Subject: Edited in the editor/' -e 's/^A body$/An edited body/' \"$1\"");

        CliRun edit = CliRun.run(env("EDITOR", editor.toString()), "prospects", "edit", id);

        assertThat(edit.exitCode()).as(edit.err()).isZero();
        assertThat(draft(id))
                .containsEntry("draft_subject", "Edited in the editor")
                .containsEntry("draft_body", "An edited body\n");

        Path breaker = script("breaker.sh", "sed -i 's/^Subject: .*/Subject: one/; /^Subject/a two' \"$1\"");
        CliRun refused = CliRun.run(env("VISUAL", breaker.toString()), "prospects", "edit", id);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err())
                .contains("should be blank: a subject is one line")
                .contains("Your edit is kept in ");
        String kept = refused.err()
                .substring(refused.err().indexOf("kept in ") + "kept in ".length())
                .split(";")[0];
        assertThat(Files.readString(Path.of(kept))).contains("Subject: one\ntwo\n");
        assertThat(draft(id)).containsEntry("draft_subject", "Edited in the editor");
        Files.delete(Path.of(kept));

        CliRun failing = CliRun.run(env("EDITOR", "false"), "prospects", "edit", id);
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(failing.err()).contains("ended with exit code 1; nothing was saved.");
        // no EDITOR, no VISUAL, and no terminal to start vi on (the test runs without one)
        CliRun none = CliRun.run(env(), "prospects", "edit", id);
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("No editor: neither EDITOR nor VISUAL is set");
    }

    private Path script(String name, String command) throws Exception {
        Path file = tmp.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + command + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
