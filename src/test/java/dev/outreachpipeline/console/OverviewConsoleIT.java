package dev.outreachpipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.ManagementListener;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's overview: the funnel as an SVG chart and a table whose numbers are the database's (and
 * the API's), narrowed by campaign; provider calls and spend today and this month, sends today and the
 * suppression count as {@code outreach status} reads them; the schedules with their next firing.
 */
class OverviewConsoleIT {

    private static final String TOKEN = "overview-console-test-token-0123456789abcdefg";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SVG_STEP =
            Pattern.compile("<g class=\"funnel-step\" data-step=\"(\\w+)\" data-count=\"(\\d+)\">");
    private static final Pattern TABLE_STEP =
            Pattern.compile("<tr data-step=\"(\\w+)\"><td>\\w+</td><td class=\"number\">(\\d+)</td>");

    private static TestDatabase db;
    private static ManagementListener listener;

    @BeforeAll
    static void start() {
        db = TestPostgres.migratedDatabase();
        listener = ManagementListener.start(db, "OUTREACH_ADMIN_TOKEN", TOKEN);
        listener.logIn(TOKEN);
        db.execute("INSERT INTO campaigns (name, schedule) VALUES ('north', '0 30 9 * * ?'), ('south', NULL)");
        db.execute("INSERT INTO prospects (domain, outreach_status, contact_email, first_sent_at, campaign_id)"
                + " SELECT d.domain, d.status, 'ann@' || d.domain, CASE WHEN d.sent THEN now() END, c.id"
                + " FROM (VALUES ('n1.example', 'pending', false, 'north'), ('n2.example', 'drafted', false, 'north'),"
                + " ('n3.example', 'approved', false, 'north'), ('n4.example', 'sent', true, 'north'),"
                + " ('n5.example', 'replied', true, 'north'), ('s1.example', 'enriched', false, 'south'),"
                + " ('s2.example', 'sent', true, 'south')) AS d(domain, status, sent, campaign)"
                + " JOIN campaigns c ON c.name = d.campaign");
        // spend: two DataForSEO queries today, one last year; Hunter calls in an enrich job's result
        db.execute("INSERT INTO jobs (id, job_type, status, result) VALUES"
                + " ('00000000-0000-0000-0000-0000000000d1', 'discover', 'completed', '{}'),"
                + " ('00000000-0000-0000-0000-0000000000e1', 'enrich', 'completed', '{\"provider_calls\": 7}')");
        db.execute("INSERT INTO discovery_queries (job_id, keyword, location, api_calls, cost, updated_at) VALUES"
                + " ('00000000-0000-0000-0000-0000000000d1', 'a', 'uk', 2, 0.5, now()),"
                + " ('00000000-0000-0000-0000-0000000000d1', 'b', 'uk', 1, 0.75, now()),"
                + " ('00000000-0000-0000-0000-0000000000d1', 'c', 'uk', 9, 9, now() - interval '400 days')");
        db.execute("INSERT INTO suppressions (domain, reason) VALUES ('x.example', 'manual'), ('y.example', 'manual'),"
                + " ('z.example', 'manual')");
        db.execute("INSERT INTO send_attempts (prospect_id, step, message_id, mailbox, status)"
                + " SELECT id, 0, '<m-' || domain || '>', 'sam@sender.example', 'sent' FROM prospects"
                + " WHERE domain IN ('n4.example', 's2.example')");
    }

    @AfterAll
    static void stop() {
        listener.close();
    }

    @Test
    void theChartAndTheTableShowTheFunnelOfTheDatabaseAndTheApi() throws Exception {
        HttpResponse<String> page = listener.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        Map<String, Long> chart = counts(SVG_STEP, page.body());
        assertThat(chart).isEqualTo(counts(TABLE_STEP, page.body()));
        assertThat(chart)
                .containsEntry("discovered", db.count("SELECT count(*) FROM prospects"))
                .containsEntry("discovered", 7L)
                .containsEntry("enriched", 6L)
                .containsEntry("drafted", 5L)
                .containsEntry("approved", 4L)
                .containsEntry("sent", db.count("SELECT count(*) FROM prospects WHERE first_sent_at IS NOT NULL"))
                .containsEntry("replied", db.count("SELECT count(*) FROM prospects WHERE outreach_status = 'replied'"));
        JsonNode api = JSON.readTree(
                listener.call("GET", "/api/v1/funnel", TOKEN, null).body());
        api.path("steps").forEach(s -> {
            if (!s.path("count").isNull()) {
                assertThat(chart)
                        .containsEntry(s.path("step").asText(), s.path("count").asLong());
            }
        });
        // the bars: discovered is the longest, each rate of the step before is written next to its bar
        assertThat(page.body())
                .contains("role=\"img\"")
                .contains(
                        "<title>Funnel: discovered 7, enriched 6, drafted 5, approved 4, sent 3, replied 1, link_live 0</title>")
                .contains("width=\"380\"")
                .contains("3 · 75% of approved")
                .contains("<td class=\"number\">33.3%</td>")
                .contains("<tr data-step=\"link_live\"><td>link_live</td><td class=\"number\">0</td>")
                .doesNotContain("style=");
    }

    @Test
    void theCampaignFilterNarrowsTheFunnelAndAnUnknownOneIsNamed() {
        HttpResponse<String> north = listener.get("/?campaign=north");
        assertThat(north.statusCode()).isEqualTo(200);
        assertThat(counts(SVG_STEP, north.body()))
                .containsEntry("discovered", 5L)
                .containsEntry("sent", 2L)
                .containsEntry("replied", 1L);
        assertThat(north.body()).contains("Funnel of north").contains("<option value=\"north\" selected>");

        HttpResponse<String> nope = listener.get("/?campaign=%3Cb%3Enope");
        assertThat(nope.statusCode()).isEqualTo(422);
        assertThat(nope.body())
                .contains("no campaign is named &#39;&lt;b&gt;nope&#39;; the campaigns are: default, north, south")
                .doesNotContain("<b>nope");
        assertThat(counts(SVG_STEP, nope.body())).containsEntry("discovered", 7L);
    }

    @Test
    void spendSendsSuppressionsAndSchedulesAreWhatStatusReads() throws Exception {
        String page = listener.get("/").body();
        JsonNode status = JSON.readTree(CliRun.run(db.env(), "status", "--json").out());
        assertThat(status.path("providers")
                        .path("dataforseo")
                        .path("today")
                        .path("cost_usd")
                        .asText())
                .isEqualTo("1.25");
        assertThat(page)
                .containsPattern("<th>Today</th><td class=\"number\">3</td><td class=\"number\">\\$1.25</td>"
                        + "<td class=\"number\">7</td>")
                .contains("<span class=\"big-number\" id=\"sent-today\">2</span>")
                .contains("<span class=\"big-number\" id=\"suppressions\">3</span>")
                .contains("outreach.schedule.send-cron")
                .contains("<code>0 */5 * * * ?</code>")
                .containsPattern(
                        "Discovery of campaign north</td><td><code>0 30 9 \\* \\* \\?</code>"
                                + " <span class=\"muted\">its schedule</span></td><td>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC</td>")
                .contains("Logged in as the operator (admin token)");
        String month = page.substring(page.indexOf("<th>This month</th>"));
        assertThat(month).startsWith("<th>This month</th><td class=\"number\">");
        assertThat(status.path("providers")
                        .path("dataforseo")
                        .path("month")
                        .path("calls")
                        .asLong())
                .isGreaterThanOrEqualTo(3);
        assertThat(month)
                .startsWith("<th>This month</th><td class=\"number\">"
                        + status.path("providers")
                                .path("dataforseo")
                                .path("month")
                                .path("calls")
                                .asLong()
                        + "</td><td class=\"number\">$"
                        + status.path("providers")
                                .path("dataforseo")
                                .path("month")
                                .path("cost_usd")
                                .asText());
    }

    private static Map<String, Long> counts(Pattern pattern, String html) {
        var counts = new LinkedHashMap<String, Long>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return counts;
    }
}
