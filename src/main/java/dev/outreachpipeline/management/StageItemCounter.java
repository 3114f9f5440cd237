package dev.outreachpipeline.management;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Counts items processed per stage ({@code outreach_stage_items_total{stage, outcome}}) where every
 * stage already records one: the step that adds an item's outcome to its job's result
 * (sql/count-into-job-result.sql, in record-enrichment, record-draft and record-send). Listening
 * for that step keeps the routes free of metrics code.
 */
final class StageItemCounter extends EventNotifierSupport {

    private static final String COUNT_STEP = dev.outreachpipeline.db.SqlStatement.COUNT_INTO_JOB_RESULT.file();

    private final MeterRegistry registry;

    // Camel deprecates the async-processing-started event but its SendProcessor still emits one per
    // send; ignoring it spares building events that isEnabled would only drop.
    @SuppressWarnings("deprecation")
    StageItemCounter(MeterRegistry registry) {
        this.registry = registry;
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeSendingEvent sending
                && sending.getEndpoint().getEndpointUri().contains(COUNT_STEP);
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeSendingEvent) event).getExchange();
        Object outcome = exchange.getMessage().getBody() instanceof Map<?, ?> body ? body.get("outcome") : null;
        if (outcome == null) {
            outcome = exchange.getMessage().getHeader("outcome");
        }
        Counter.builder("outreach.stage.items")
                .description("Items whose outcome a stage recorded, by stage and outcome")
                .tag("stage", stage(exchange))
                .tag("outcome", String.valueOf(outcome))
                .register(registry)
                .increment();
    }

    /** The recording route's name without its verb: record-enrichment → enrichment. */
    private static String stage(Exchange exchange) {
        UnitOfWork uow = exchange.getUnitOfWork();
        String route = uow != null && uow.getRoute() != null ? uow.getRoute().getRouteId() : exchange.getFromRouteId();
        return route == null ? "unknown" : route.replaceFirst("^record-", "");
    }
}
