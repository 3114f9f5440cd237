package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.CliRun;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;

/**
 * Proves routes/15-schedules.camel.yaml: a firing enqueues a job of its type, and a second firing
 * while that job still waits enqueues none; a campaign's schedule enqueues its discovery when due,
 * once, and not while the campaign is paused; the 'automation' setting still enqueues a discovery
 * for 'default'. Each Quartz trigger is replaced by a direct: endpoint the test fires itself, with
 * the fire-time headers camel-quartz would set (Quartz's clustered store is the daemon's, not these
 * routes').
 */
class SchedulesRouteIT extends RouteTestSupport {

    private static final List<String> SCHEDULES = List.of(
            "scheduled-discovery",
            "scheduled-campaign-discovery",
            "scheduled-sending",
            "scheduled-followups",
            "scheduled-reply-check");

    /** 06:00 every day: the campaigns' schedule in these tests. */
    private static final String SIX_AM = "0 0 6 * * ?";

    @Override
    protected String[] routeFiles() {
        return new String[] {"10-jobs", "15-schedules"};
    }

    @Test
    void aFiringEnqueuesOneJobOfItsTypeAndNoSecondWhileItWaits() throws Exception {
        fireFromDirectEndpoints();

        template.sendBody("direct:fire-scheduled-followups", null);
        template.sendBody("direct:fire-scheduled-followups", null);

        List<Map<String, Object>> jobs = testDb.rowsOf("SELECT job_type, origin, status FROM jobs");
        assertThat(jobs)
                .containsExactly(Map.of("job_type", "followup", "origin", "schedule:followup", "status", "pending"));
    }

    @Test
    void aCampaignsScheduleEnqueuesOneDiscoveryOfItsSavedSearchWhenDue() throws Exception {
        fireFromDirectEndpoints();
        campaign("create", "shoes", "--keywords", "running shoes", "--locations", "uk", "--schedule", SIX_AM);
        campaign("create", "manual", "--keywords", "desk lamps", "--locations", "uk");
        Date sixAm = nextFiring(SIX_AM);

        fireCampaignCheck(minutesAfter(sixAm, 1)); // 06:01: not due
        assertThat(testDb.count("SELECT count(*) FROM jobs")).isZero();

        fireCampaignCheck(sixAm);
        fireCampaignCheck(sixAm); // its discovery still waits: no second

        assertThat(testDb.rowsOf("""
                        SELECT j.job_type, j.origin, j.status, c.name AS campaign, j.params ->> 'keywords' AS keywords,
                               j.params ->> 'campaign' AS named
                          FROM jobs j JOIN campaigns c ON c.id = j.campaign_id"""))
                .containsExactly(Map.of(
                        "job_type", "discover",
                        "origin", "schedule:campaign:shoes",
                        "status", "pending",
                        "campaign", "shoes",
                        "keywords", "running shoes",
                        "named", "shoes"));

        testDb.execute("UPDATE jobs SET status = 'completed'");
        fireCampaignCheck(nextFiring(SIX_AM, sixAm));
        assertThat(testDb.count("SELECT count(*) FROM jobs WHERE status = 'pending'"))
                .as("once the first has run, the next day's firing enqueues again")
                .isOne();
    }

    @Test
    void aPausedCampaignsScheduleDoesNotFireAndResumingItTakesEffectAtTheNextFiring() throws Exception {
        fireFromDirectEndpoints();
        campaign("create", "lamps", "--keywords", "desk lamps", "--locations", "uk", "--schedule", SIX_AM);
        campaign("pause", "lamps");
        Date sixAm = nextFiring(SIX_AM);

        fireCampaignCheck(sixAm);
        assertThat(testDb.count("SELECT count(*) FROM jobs")).isZero();

        campaign("resume", "lamps");
        fireCampaignCheck(sixAm);
        assertThat(testDb.count("SELECT count(*) FROM jobs j JOIN campaigns c ON c.id = j.campaign_id"
                        + " WHERE c.name = 'lamps' AND j.origin = 'schedule:campaign:lamps'"))
                .isOne();

        campaign("archive", "lamps");
        testDb.execute("UPDATE jobs SET status = 'completed'");
        fireCampaignCheck(nextFiring(SIX_AM, sixAm));
        assertThat(testDb.count("SELECT count(*) FROM jobs WHERE status = 'pending'"))
                .as("an archived campaign's schedule does not fire")
                .isZero();
    }

    @Test
    void theAutomationSettingStillEnqueuesADiscoveryForDefault() throws Exception {
        fireFromDirectEndpoints();
        testDb.execute("""
                INSERT INTO settings (key, value) VALUES ('automation', '{"enabled": true, "locations": ["usa"],
                  "keywords": "garden lights", "max_results": 25}')""");

        template.sendBody("direct:fire-scheduled-discovery", null);

        assertThat(testDb.rowsOf("""
                        SELECT j.job_type, j.origin, c.name AS campaign, j.params::text AS params
                          FROM jobs j JOIN campaigns c ON c.id = j.campaign_id"""))
                .containsExactly(
                        Map.of(
                                "job_type",
                                "discover",
                                "origin",
                                "schedule:discovery",
                                "campaign",
                                "default",
                                "params",
                                "{\"keywords\":\"garden lights\",\"locations\":[\"usa\"],\"categories\":[],\"max_results\":25}"));
    }

    private void fireFromDirectEndpoints() throws Exception {
        for (String schedule : SCHEDULES) {
            AdviceWith.adviceWith(context, schedule, a -> a.replaceFromWith("direct:fire-" + schedule));
        }
        context.start();
    }

    /** One firing of the every-minute check, at {@code at}, its previous firing a minute before. */
    private void fireCampaignCheck(Date at) {
        var done = template.send("direct:fire-scheduled-campaign-discovery", e -> {
            e.getIn().setHeader("scheduledFireTime", at);
            e.getIn().setHeader("previousFireTime", minutesAfter(at, -1));
        });
        assertThat(done.getException()).isNull();
    }

    private void campaign(String... args) {
        var all = new java.util.ArrayList<>(List.of("campaign"));
        all.addAll(List.of(args));
        CliRun run = CliRun.run(testDb.env(), all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static Date nextFiring(String cron) throws Exception {
        return nextFiring(cron, new Date());
    }

    private static Date nextFiring(String cron, Date after) throws Exception {
        return new CronExpression(cron).getNextValidTimeAfter(after);
    }

    private static Date minutesAfter(Date at, int minutes) {
        return Date.from(Instant.ofEpochMilli(at.getTime()).plusSeconds(60L * minutes));
    }
}
