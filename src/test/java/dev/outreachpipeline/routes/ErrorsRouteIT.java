package dev.outreachpipeline.routes;

import ch.qos.logback.classic.Level;
import dev.outreachpipeline.jobs.JobFailed;
import dev.outreachpipeline.testsupport.CapturedLogs;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proves routes/00-errors.camel.yaml (the routeConfiguration every route shares): an expected job
 * outcome thrown in a route reaches its caller without being logged as an ERROR with a stack trace,
 * while a bug still is. The two throwing routes are the test's own.
 */
class ErrorsRouteIT extends RouteTestSupport {

    @Override
    protected String[] routeFiles() {
        return new String[0];
    }

    @Test
    void anExpectedOutcomeIsNotLoggedAsAnErrorButABugIs() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ends-as-failed").routeId("ends-as-failed").throwException(new JobFailed("Hunter rejected the key"));
                from("direct:has-a-bug").routeId("has-a-bug").throwException(new IllegalStateException("a bug"));
            }
        });
        context.start();

        try (CapturedLogs logs = CapturedLogs.start()) {
            assertThatThrownBy(() -> template.sendBody("direct:ends-as-failed", null))
                    .isInstanceOf(CamelExecutionException.class).hasCauseInstanceOf(JobFailed.class);
            assertThat(logs.atLeast(Level.ERROR)).as(String.join("\n", logs.lines())).isEmpty();
            assertThat(logs.withStackTrace()).isEmpty();

            assertThatThrownBy(() -> template.sendBody("direct:has-a-bug", null)).hasCauseInstanceOf(IllegalStateException.class);
            assertThat(logs.withStackTrace()).as(String.join("\n", logs.lines())).isNotEmpty();
        }
    }
}
