package dev.outreachpipeline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.outreachpipeline.simulators.DataForSeoSimulator;
import dev.outreachpipeline.simulators.HunterSimulator;
import dev.outreachpipeline.simulators.SimulatorSettings;
import dev.outreachpipeline.testsupport.ConsoleBrowser;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A campaign run from the console alone, in a real browser against the real daemon: a discovery
 * submitted and followed until it ends, the draft it led to edited and approved in the review queue,
 * the message then sent (GreenMail receives it, the campaign's page shows it sent), and a hostile page
 * title shown as text with no script of it running. The two screenshots in docs/ come from here (run with
 * {@code -Dconsole.screenshots=docs}).
 */
class ConsoleJourneyIT {

    private static final DataForSeoSimulator DATA_FOR_SEO = new DataForSeoSimulator(SimulatorSettings.instant());
    private static final HunterSimulator HUNTER = new HunterSimulator(SimulatorSettings.instant());

    @RegisterExtension
    @Order(1)
    static final GreenMailExtension GREEN_MAIL =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @RegisterExtension
    @Order(2)
    static final ConsoleBrowser console = ConsoleBrowser.onDaemon(db -> new String[] {
        "OUTREACH_DATAFORSEO_BASE_URL", DATA_FOR_SEO.baseUrl(),
        "DATAFORSEO_LOGIN", "journey",
        "DATAFORSEO_PASSWORD", "journey-password",
        "OUTREACH_DATAFORSEO_POLL_SECONDS", "1",
        "OUTREACH_HUNTER_BASE_URL", HUNTER.baseUrl(),
        "HUNTER_API_KEY", "journey-api-key",
        "OUTREACH_SENDER_NAME", "Sam Sender",
        "SMTP_HOST", "127.0.0.1",
        "SMTP_PORT", String.valueOf(GREEN_MAIL.getSmtp().getPort()),
        "SMTP_SECURITY", "none",
        "MAIL_FROM", "sam@sender.example",
        "SENDER_POSTAL_ADDRESS", "1 Main Street, Springfield",
        "OUTREACH_UNSUBSCRIBE_SECRET", "an-unsubscribe-secret-of-at-least-32-chars",
        "OUTREACH_HTTP_PUBLIC_BASE_URL", "https://outreach.example",
        "OUTREACH_SEND_WINDOW", "always",
        "OUTREACH_SEND_SPACING", "0s",
        "OUTREACH_SEND_SPACING_JITTER", "0s",
        "OUTREACH_SCHEDULE_SEND_CRON", "*/2 * * * * ?",
        "OUTREACH_JOBS_POLL_INTERVAL_MS", "100"
    });

    @AfterAll
    static void stopProviders() {
        DATA_FOR_SEO.close();
        HUNTER.close();
    }

    @Test
    void aCampaignRunsFromTheConsoleAloneFromDiscoveryToASentMessage() {
        console.logIn();

        // submit a discovery and follow it until it has ended
        console.open("/jobs");
        WebElement form = console.driver().findElement(By.cssSelector("form.discover"));
        new Select(form.findElement(By.name("campaign"))).selectByValue("default");
        form.findElement(By.name("keywords")).sendKeys("garden furniture");
        form.findElement(By.name("locations")).sendKeys("usa");
        form.findElement(By.name("max_results")).sendKeys("5");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        console.await().until(ExpectedConditions.urlMatches("/jobs/[0-9a-f-]{36}$"));
        console.await()
                .withTimeout(Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-progress"), "The job has ended."));
        assertThat(text(By.cssSelector("#job-progress .status-completed"))).isEqualTo("completed");
        assertThat(Integer.parseInt(text(By.cssSelector("#job-progress .saved"))))
                .isPositive();

        // enrichment and drafting follow by themselves
        await().atMost(Duration.ofSeconds(60)).until(() -> count("outreach_status = 'drafted'") > 0);

        console.open("/review?campaign=default");
        String domain = text(By.xpath("//dt[.='Domain']/following-sibling::dd[1]"));
        String id = prospectId(domain);
        console.screenshot("console-review.png");

        // edit the subject in place, then approve with the keyboard
        WebElement subject = console.driver().findElement(By.id("edit-subject"));
        subject.sendKeys(Keys.chord(Keys.CONTROL, "a"), "A question about your garden furniture page");
        console.driver()
                .findElement(By.cssSelector("#review-message button[type=submit]"))
                .click();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "A question about your garden furniture page".equals(column(id, "draft_subject")));
        console.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("#review-message .review-headers"),
                        "A question about your garden furniture page"));
        ((JavascriptExecutor) console.driver()).executeScript("document.activeElement.blur();");
        new Actions(console.driver()).sendKeys("a").perform();
        await().atMost(Duration.ofSeconds(10)).until(() -> !"drafted".equals(column(id, "outreach_status")));

        // the send schedule takes it; the message arrives with the edited subject
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Arrays.stream(GREEN_MAIL.getReceivedMessages())
                        .anyMatch(m -> subjectOf(m).equals("A question about your garden furniture page")));
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(column(id, "outreach_status")));
        console.open("/campaigns/default?q=" + domain);
        assertThat(text(By.tagName("main"))).contains(domain).contains("sent");

        console.open("/");
        console.screenshot("console-overview.png");
        assertThat(text(By.tagName("main"))).contains("Overview");
    }

    @Test
    void aHostilePageTitleIsShownAsTextAndNoScriptOfItRuns() {
        String hostile = "<script>window.pwned = 1</script><img src=x onerror=window.pwned=2>";
        String id = console.database()
                .rowsOf("INSERT INTO prospects (domain, page_title, dataforseo_payload, contact_email, contact_method,"
                        + " outreach_status, score, draft_subject, draft_body) VALUES ('hostile.example', '"
                        + hostile + "', '{\"description\": \"" + hostile
                        + "\"}', 'editor@hostile.example', 'hunter_personal', 'drafted', 100,"
                        + " 'A note', 'Hello,\nA short note.\n\nSam') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        console.logIn();

        console.open("/review?min_score=100");

        assertThat(text(By.cssSelector(".review-title"))).isEqualTo(hostile);
        assertThat(text(By.cssSelector(".review-snippet"))).isEqualTo(hostile);
        assertThat(((JavascriptExecutor) console.driver()).executeScript("return window.pwned === undefined"))
                .isEqualTo(true);
        assertThat(console.driver().findElements(By.cssSelector("main img"))).isEmpty();

        // and it is kept from the queue with a reason
        console.driver().findElement(By.id("reject-reason")).sendKeys("a page that attacks its readers");
        console.driver()
                .findElement(By.cssSelector("form.review-reject button[type=submit]"))
                .click();
        await().atMost(Duration.ofSeconds(10)).until(() -> "rejected".equals(column(id, "outreach_status")));
        assertThat(column(id, "rejected_reason")).isEqualTo("a page that attacks its readers");
    }

    private static String text(By by) {
        return console.driver().findElement(by).getText().trim();
    }

    private static long count(String where) {
        return ((Number) console.database()
                        .rowsOf("SELECT count(*) AS n FROM prospects WHERE " + where)
                        .get(0)
                        .get("n"))
                .longValue();
    }

    private static String prospectId(String domain) {
        return console.database()
                .rowsOf("SELECT id::text AS id FROM prospects WHERE domain = '" + domain.replace("'", "''") + "'")
                .get(0)
                .get("id")
                .toString();
    }

    private static String column(String id, String column) {
        Map<String, Object> row = console.database()
                .rowsOf("SELECT " + column + "::text AS v FROM prospects WHERE id = '" + id + "'")
                .get(0);
        return row.get("v") == null ? null : row.get("v").toString();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
