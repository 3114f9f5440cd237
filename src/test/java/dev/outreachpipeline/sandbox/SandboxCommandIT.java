package dev.outreachpipeline.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.drafting.HtmlFromText;
import dev.outreachpipeline.sending.FlowedTextTest;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.ManagementListener;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox command in-process, end to end: the real daemon on an embedded PostgreSQL of its own
 * (not the tests' shared server: a second zonky server on its own data directory and port, as the
 * command starts it), the simulators and the mail sink. One discovery query keeps it short.
 */
class SandboxCommandIT {

    private static final String[] SMALL_RUN = {
        "sandbox", "--keywords", "garden design, home decor", "--locations", "usa", "--max-results", "6"
    };

    @TempDir
    Path workDir;

    @Test
    void withTheLlmWriterTheSummarySaysHowManyDraftsItWroteAndWhyTheOthersFellBack() {
        CliRun run = CliRun.run(
                Map.of(),
                workDir,
                "sandbox",
                "--keywords",
                "garden design",
                "--locations",
                "usa",
                "--max-results",
                "6",
                "--writer",
                "llm");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("LLM writer (simulated)");
        int drafted = count(run, SandboxSummary.DRAFTED);
        int byLlm = llmCount(run, SandboxSummary.LLM_DRAFTS);
        int fallbacks = llmCount(run, SandboxSummary.LLM_FALLBACKS);
        assertThat(byLlm).as(run.out()).isPositive();
        assertThat(byLlm + fallbacks).as(run.out()).isEqualTo(drafted);
        assertThat(count(run, SandboxSummary.SENT)).isEqualTo(drafted);
    }

    private static int llmCount(CliRun run, String what) {
        Matcher m =
                Pattern.compile("(?m)^  " + Pattern.quote(what) + " +(\\d+)$").matcher(run.out());
        assertThat(m.find()).as(what + " in\n" + run.out()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void runsEveryStageAgainstTheSimulatorsItsNumbersMatchTheDatabaseAndASecondRunStartsOver() throws Exception {
        CliRun run = CliRun.run(Map.of(), workDir, SMALL_RUN);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("This is a sandbox: it never contacts a real provider or mail server.");
        assertThat(run.out())
                .contains("OUTREACH_EMBEDDED_DATA_DIR=" + workDir.resolve("data/sandbox/postgres")
                        + " java -jar target/outreach-pipeline.jar prospects list");
        Matcher firstConsole = CONSOLE_LINE.matcher(run.out());
        assertThat(firstConsole.find()).as(run.out()).isTrue();
        assertThat(run.out()).as("stopped after the summary").doesNotContain(SandboxConsole.KEPT);
        assertThat(run.out())
                .as("the template writer's summary has no LLM part")
                .doesNotContain("LLM writer");

        int prospects = count(run, SandboxSummary.PROSPECTS_SAVED);
        int withContact = count(run, SandboxSummary.ENRICHED);
        int sent = count(run, SandboxSummary.SENT);
        int followups = count(run, SandboxSummary.FOLLOWUPS_SENT);
        int received = count(run, SandboxSummary.RECEIVED);
        assertThat(prospects).isEqualTo(6);
        assertThat(sent).isPositive().isEqualTo(withContact);
        assertThat(followups).as("two follow-up steps for every first message").isEqualTo(2 * sent);
        assertThat(received).isEqualTo(sent + followups);

        // two campaigns side by side, a column each, adding up to the total
        assertThat(run.out()).containsPattern("(?m)^  stage\\s+what\\s+count\\s+gardens\\s+interiors$");
        List<Integer> prospectsBy = columns(run, SandboxSummary.PROSPECTS_SAVED);
        List<Integer> sentBy = columns(run, SandboxSummary.SENT);
        List<Integer> followupsBy = columns(run, SandboxSummary.FOLLOWUPS_SENT);
        assertThat(prospectsBy).containsExactly(prospects, 3, 3);
        assertThat(sentBy.get(1) + sentBy.get(2)).isEqualTo(sent);
        assertThat(sentBy.get(2))
                .as("the second campaign found domains of its own")
                .isPositive();

        Path dataDir = workDir.resolve("data/sandbox/postgres");
        try (Database db = Database.open(
                        OutreachConfig.load(null, Map.of("OUTREACH_EMBEDDED_DATA_DIR", dataDir.toString()), workDir));
                Connection c = db.connection()) {
            assertThat(scalar(c, "SELECT count(*) FROM prospects")).isEqualTo(prospects);
            assertThat(scalar(c, "SELECT count(*) FROM prospects WHERE contact_email IS NOT NULL"))
                    .isEqualTo(withContact);
            assertThat(scalar(c, "SELECT count(*) FROM email_logs WHERE response ->> 'kind' = 'initial'"))
                    .isEqualTo(sent);
            assertThat(scalar(c, "SELECT count(*) FROM email_logs")).isEqualTo(sent + followups);
            assertThat(scalar(
                            c, "SELECT count(*) FROM prospects WHERE outreach_status = 'sent' AND followups_sent = 2"))
                    .isEqualTo(sent);
            // each campaign's threads went out from its own mailbox
            assertThat(
                            scalar(
                                    c,
                                    "SELECT count(*) FROM prospects p JOIN campaigns c ON c.id = p.campaign_id"
                                            + " WHERE c.name = 'interiors' AND p.mailbox = 'partners' AND p.first_sent_at IS NOT NULL"))
                    .isEqualTo(sentBy.get(2));
            assertThat(scalar(
                            c,
                            "SELECT count(*) FROM prospects p JOIN campaigns c ON c.id = p.campaign_id"
                                    + " WHERE c.name = 'gardens' AND coalesce(p.mailbox, 'default') = 'default'"
                                    + " AND p.first_sent_at IS NOT NULL"))
                    .isEqualTo(sentBy.get(1));
        }

        // the command the summary prints (here with the absolute path: the test's process runs elsewhere)
        CliRun listed = CliRun.run(
                Map.of("OUTREACH_EMBEDDED_DATA_DIR", dataDir.toString()), workDir, "prospects", "list", "--json");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(listed.out());
        assertThat(rows).hasSize(prospects);

        List<Path> eml;
        try (Stream<Path> files = Files.list(workDir.resolve("data/sandbox/mail"))) {
            eml = files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
        assertThat(eml).hasSize(received);
        int threaded = 0;
        int multipart = 0;
        int fromPartners = 0;
        for (Path file : eml) {
            String message = Files.readString(file);
            if (message.contains("\nFrom: " + SandboxCampaigns.SECOND_MAILBOX_NAME + " <"
                    + SandboxCampaigns.SECOND_MAILBOX_FROM + ">")) {
                fromPartners++;
            }
            assertThat(message)
                    .as(file.toString())
                    .contains("List-Unsubscribe: <https://", "List-Unsubscribe-Post: List-Unsubscribe=One-Click")
                    .containsPattern("(?m)^Message-ID: <[^>]+@sandbox\\.example>");
            if (message.contains("\nSubject: Re: ")) {
                assertThat(message).as(file.toString()).containsPattern("(?m)^In-Reply-To: <[^>]+>");
                threaded++;
            } else {
                multipart += bothPartsSayTheSame(file) ? 1 : 0;
            }
            textPartIsFlowedWithTheFooterOnce(file);
        }
        assertThat(threaded).isEqualTo(followups);
        assertThat(multipart)
                .as("every first message has an HTML part made from its text")
                .isEqualTo(received - followups);
        assertThat(fromPartners)
                .as("the second campaign's messages, first and follow-ups, from its mailbox")
                .isEqualTo(sentBy.get(2) + followupsBy.get(2));

        // a second run in the same directory starts over and tells the same story; --keep-console leaves its
        // console running after the summary, answering the token it printed, until it is stopped
        CliRun second;
        try (var running = CliRun.start(Map.of(), workDir, withKeepConsole())) {
            running.awaitOut(SandboxConsole.KEPT, Duration.ofMinutes(5));
            assertThat(running.out()).as("what to try in the kept console").contains(SandboxConsole.TRY);
            Matcher console = CONSOLE_LINE.matcher(running.out());
            assertThat(console.find()).as(running.out()).isTrue();
            assertThat(console.group(2)).as("a new token each run").isNotEqualTo(firstConsole.group(2));
            assertThat(logIn(console.group(1), console.group(2))).contains("Logged in as the operator (admin token)");
            second = running.stop(Duration.ofMinutes(2));
        }
        assertThat(second.out().substring(second.out().indexOf(SandboxConsole.KEPT)))
                .contains("Stopping the daemon");
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).startsWith("This is a sandbox").contains("Starting over");
        assertThat(count(second, SandboxSummary.PROSPECTS_SAVED)).isEqualTo(prospects);
        assertThat(count(second, SandboxSummary.RECEIVED)).isEqualTo(received);
        try (Stream<Path> files = Files.list(workDir.resolve("data/sandbox/mail"))) {
            assertThat(files.count()).as("only this run's messages").isEqualTo(received);
        }
    }

    @Test
    void anUnknownLocationIsRefusedAsJobSubmitRefusesIt() {
        CliRun run = CliRun.run(Map.of(), workDir, "sandbox", "--locations", "usa,europe");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).startsWith("This is a sandbox");
        assertThat(run.err()).contains("The discover job was not submitted").contains("europe");
        assertThat(workDir.resolve("data/sandbox/postgres")).doesNotExist();
    }

    @Test
    void emptyKeywordsAreRefused() {
        CliRun run = CliRun.run(Map.of(), workDir, "sandbox", "--keywords", " , ");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("The discover job was not submitted");
    }

    /** What the sandbox prints about its console: the address, then the token made up for the run. */
    private static final Pattern CONSOLE_LINE = Pattern.compile(
            "The console: (http://127\\.0\\.0\\.1:\\d+/) \\(admin token for this run: ([A-Za-z0-9_-]{43})\\)");

    private static String[] withKeepConsole() {
        var args = new java.util.ArrayList<>(List.of(SMALL_RUN));
        args.add("--keep-console");
        return args.toArray(String[]::new);
    }

    /** Logs in to the console at {@code url} through its login form and returns the home page. */
    private static String logIn(String url, String token) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(url + "login")).build(), HttpResponse.BodyHandlers.ofString());
        String form = "X-XSRF-TOKEN=" + URLEncoder.encode(ManagementListener.csrf(page), StandardCharsets.UTF_8)
                + "&token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(url + "login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/");
        HttpResponse<String> home =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        return home.body();
    }

    /** The count on the summary line named {@code what}. */
    private static int count(CliRun run, String what) {
        Matcher m = Pattern.compile("(?m)^ {2}.{11} " + Pattern.quote(what) + "\\s+(\\d+)")
                .matcher(run.out());
        assertThat(m.find()).as("summary line '" + what + "' in:\n" + run.out()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The numbers on the summary line named {@code what}: the total, then one per campaign. */
    private static List<Integer> columns(CliRun run, String what) {
        Matcher m = Pattern.compile("(?m)^ {2}.{11} " + Pattern.quote(what) + "((?:\\s+\\d+)+)$")
                .matcher(run.out());
        assertThat(m.find()).as("summary line '" + what + "' in:\n" + run.out()).isTrue();
        return java.util.Arrays.stream(m.group(1).trim().split("\\s+"))
                .map(Integer::valueOf)
                .toList();
    }

    private static int scalar(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static MimeMessage parsed(Path eml) throws Exception {
        try (var in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private static Part textPart(MimeMessage m) throws Exception {
        return m.getContent() instanceof MimeMultipart parts ? parts.getBodyPart(0) : m;
    }

    /** The text part as sent: format=flowed, lines of at most 72 but for a long link, the footer once. */
    private static void textPartIsFlowedWithTheFooterOnce(Path eml) throws Exception {
        Part text = textPart(parsed(eml));
        assertThat(text.getContentType())
                .as(eml.toString())
                .contains("format=flowed")
                .contains("delsp=no");
        String flowed = ((String) text.getContent()).replace("\r\n", "\n");
        assertThat(flowed.lines().filter(l -> l.length() > 72 && !l.startsWith("https://")))
                .as(eml.toString())
                .isEmpty();
        String read = FlowedTextTest.deflow(flowed);
        assertThat(read.split("public listing of contacts", -1))
                .as(eml.toString())
                .hasSize(2);
        assertThat(read).as(eml.toString()).containsPattern("\nUnsubscribe: https://\\S+\\s*$");
    }

    /** A first message's HTML part is the one made from its text, with the footer once: the two say the same. */
    private static boolean bothPartsSayTheSame(Path eml) throws Exception {
        MimeMessage m = parsed(eml);
        if (!(m.getContent() instanceof MimeMultipart parts)) {
            return false;
        }
        String read = FlowedTextTest.deflow(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"));
        String draft = read.substring(0, read.indexOf("\n\n--\n")) + "\n";
        String html = ((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n");
        String generated = HtmlFromText.html(draft);
        assertThat(html)
                .as(eml.toString())
                .startsWith(generated.substring(0, generated.indexOf("</body>")))
                .contains("Unsubscribe</a>");
        assertThat(html.split("public listing of contacts", -1))
                .as(eml.toString())
                .hasSize(2);
        return true;
    }
}
