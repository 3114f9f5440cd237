package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;

/**
 * Proves routes/15-schedules.camel.yaml: a firing enqueues a job of its type, and a second firing
 * while that job still waits enqueues none. Each Quartz trigger is replaced by a direct: endpoint
 * the test fires itself (Quartz's clustered store is the daemon's, not these routes').
 */
class SchedulesRouteIT extends RouteTestSupport {

    private static final List<String> SCHEDULES =
            List.of("scheduled-discovery", "scheduled-sending", "scheduled-followups", "scheduled-reply-check");

    @Override
    protected String[] routeFiles() {
        return new String[] {"10-jobs", "15-schedules"};
    }

    @Test
    void aFiringEnqueuesOneJobOfItsTypeAndNoSecondWhileItWaits() throws Exception {
        for (String schedule : SCHEDULES) {
            AdviceWith.adviceWith(context, schedule, a -> a.replaceFromWith("direct:fire-" + schedule));
        }
        context.start();

        template.sendBody("direct:fire-scheduled-followups", null);
        template.sendBody("direct:fire-scheduled-followups", null);

        List<Map<String, Object>> jobs = testDb.rowsOf("SELECT job_type, origin, status FROM jobs");
        assertThat(jobs)
                .containsExactly(Map.of("job_type", "followup", "origin", "schedule:followup", "status", "pending"));
    }
}
