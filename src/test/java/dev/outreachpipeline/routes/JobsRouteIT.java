package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * Proves routes/10-jobs.camel.yaml: a worker claims a pending job, hands it to the route of its type
 * and marks it completed; a cancelled job is never handed on. The stage route is a mock here
 * (direct:probe-job), so the worker's own steps are what is under test.
 */
class JobsRouteIT extends RouteTestSupport {

    @Override
    protected String[] routeFiles() {
        return new String[] {"10-jobs"};
    }

    @Override
    protected String[] environment() {
        return new String[] {"OUTREACH_JOBS_POLL_INTERVAL_MS", "100"};
    }

    @Test
    void aPendingJobIsClaimedAndDispatchedAndACancelledOneIsNot() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:probe-job").routeId("probe-job").to("mock:probe-job");
            }
        });
        TemplatedRouteBuilder.builder(context, "job-worker")
                .routeId("job-worker-1")
                .parameter("number", "1")
                .parameter("worker", node.worker(1))
                .add();
        String cancelled = testDb.rowsOf("INSERT INTO jobs (job_type, params, origin, status) VALUES"
                        + " ('probe', '{}', 'test', 'cancelled') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        String pending = testDb.rowsOf("INSERT INTO jobs (job_type, params, origin) VALUES"
                        + " ('probe', '{\"n\": 1}', 'test') RETURNING id::text AS id")
                .get(0)
                .get("id")
                .toString();
        MockEndpoint stage = getMockEndpoint("mock:probe-job");
        stage.expectedMessageCount(1);
        stage.expectedVariableReceived("jobId", pending);
        stage.expectedVariableReceived("worker", node.worker(1));

        context.start();

        stage.assertIsSatisfied(TimeUnit.SECONDS.toMillis(10));
        await().atMost(10, TimeUnit.SECONDS).until(() -> "completed".equals(status(pending)));
        assertThat(status(cancelled)).isEqualTo("cancelled");
    }

    private String status(String job) {
        return testDb.rowsOf("SELECT status FROM jobs WHERE id = '" + job + "'")
                .get(0)
                .get("status")
                .toString();
    }
}
