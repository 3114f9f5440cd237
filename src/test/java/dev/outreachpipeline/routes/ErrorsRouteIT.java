package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import dev.outreachpipeline.jobs.JobDeferred;
import dev.outreachpipeline.jobs.JobFailed;
import dev.outreachpipeline.testsupport.CapturedLogs;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * Proves routes/00-errors.camel.yaml (the routeConfiguration every route shares) with the job
 * worker of 10-jobs: an expected job outcome reaches the caller without being logged as an ERROR
 * with a stack trace, also through a transacted step, and the worker records how the job ended: put
 * off until its time, failed with the reason it states (one line), or failed by a bug (logged with
 * its stack trace). The throwing stage routes are the test's own.
 */
class ErrorsRouteIT extends RouteTestSupport {

    @Override
    protected String[] routeFiles() {
        return new String[] {"10-jobs"};
    }

    @Override
    protected String[] environment() {
        return new String[] {"OUTREACH_JOBS_POLL_INTERVAL_MS", "100"};
    }

    @Test
    void anExpectedOutcomeReachesTheCallerWithoutBeingLoggedAsAnError() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ends-as-failed")
                        .routeId("ends-as-failed")
                        .throwException(new JobFailed("Hunter rejected the key"));
            }
        });
        context.start();

        try (CapturedLogs logs = CapturedLogs.start()) {
            assertThatThrownBy(() -> template.sendBody("direct:ends-as-failed", null))
                    .isInstanceOf(CamelExecutionException.class)
                    .hasCauseInstanceOf(JobFailed.class);
            assertThat(logs.atLeast(Level.ERROR))
                    .as(String.join("\n", logs.lines()))
                    .isEmpty();
            assertThat(logs.withStackTrace()).isEmpty();
        }
    }

    @Test
    void theWorkerRecordsAJobPutOffAJobThatFailedAsItSaysAndOneWithABug() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:later-job").routeId("later-job").to("direct:later-step");
                from("direct:later-step")
                        .routeId("later-step")
                        .transacted()
                        .throwException(
                                new JobDeferred("the quota is spent", OffsetDateTime.parse("2030-01-01T00:00:00Z")));
                from("direct:rejected-job").routeId("rejected-job").to("direct:rejected-step");
                from("direct:rejected-step")
                        .routeId("rejected-step")
                        .transacted()
                        .throwException(new JobFailed("Hunter rejected the key"));
                from("direct:buggy-job").routeId("buggy-job").throwException(new IllegalStateException("a bug"));
            }
        });
        String later = job("later");
        String rejected = job("rejected");
        String buggy = job("buggy");
        TemplatedRouteBuilder.builder(context, "job-worker")
                .routeId("job-worker-1")
                .parameter("number", "1")
                .parameter("worker", node.worker(1))
                .add();

        try (CapturedLogs logs = CapturedLogs.start()) {
            context.start();

            await().atMost(10, TimeUnit.SECONDS)
                    .until(() -> testDb.count("SELECT count(*) FROM jobs WHERE status <> 'running'"
                                    + " AND (status <> 'pending' OR error_message IS NOT NULL)")
                            == 3);
            assertThat(row(later))
                    .containsEntry("status", "pending")
                    .containsEntry("error_message", "the quota is spent")
                    .containsEntry("waits", true);
            assertThat(row(rejected))
                    .containsEntry("status", "failed")
                    .containsEntry("error_message", "Hunter rejected the key");
            assertThat(row(buggy)).containsEntry("status", "failed");
            assertThat(row(buggy).get("error_message").toString()).contains("a bug");

            assertThat(logs.lines())
                    .anyMatch(l -> l.contains("waits until") && l.contains("the quota is spent"))
                    .anyMatch(l -> l.contains("failed: Hunter rejected the key"));
            assertThat(logs.atLeast(Level.ERROR))
                    .as(String.join("\n", logs.lines()))
                    .hasSize(1);
            assertThat(logs.withStackTrace())
                    .as(String.join("\n", logs.lines()))
                    .hasSize(1);
            assertThat(logs.withStackTrace().get(0)).contains("a bug");
        }
    }

    private String job(String type) {
        return testDb.rowsOf("INSERT INTO jobs (job_type, params, origin) VALUES ('" + type + "', '{}', 'test')"
                        + " RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
    }

    private Map<String, Object> row(String job) {
        return testDb.rowsOf(
                        "SELECT status, error_message, run_after = '2030-01-01T00:00:00Z' AS waits FROM jobs WHERE id = '"
                                + job + "'")
                .get(0);
    }
}
