package dev.outreachpipeline.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** A send decision as routes/50-sending reads it: Camel's simple language calls the record's accessors. */
class SendDecisionTest {

    private static boolean holds(SendDecision decision, String predicate) throws Exception {
        try (var camel = new DefaultCamelContext()) {
            camel.start();
            return camel.resolveLanguage("simple").createPredicate(predicate).matches(withDecision(camel, decision));
        }
    }

    private static Object value(SendDecision decision, String expression) throws Exception {
        try (var camel = new DefaultCamelContext()) {
            camel.start();
            return camel.resolveLanguage("simple")
                    .createExpression(expression)
                    .evaluate(withDecision(camel, decision), Object.class);
        }
    }

    private static DefaultExchange withDecision(DefaultCamelContext camel, SendDecision decision) {
        var exchange = new DefaultExchange(camel);
        exchange.setVariable("decision", decision);
        return exchange;
    }

    @Test
    void theRouteReadsKindWaitAndReasonFromTheRecord() throws Exception {
        var wait = SendDecision.waitFor(250, "spacing: the next message may go in 0.25 s");

        assertThat(holds(wait, "${variable.decision.kind} == 'wait'")).isTrue();
        assertThat(holds(wait, "${variable.decision.kind} == 'send'")).isFalse();
        assertThat(value(wait, "${variable.decision.waitMillis}")).isEqualTo(250L);
        assertThat(value(wait, "${variable.decision.reason}")).isEqualTo("spacing: the next message may go in 0.25 s");
        assertThat(holds(SendDecision.sendNow(), "${variable.decision.kind} == 'send'"))
                .isTrue();
    }

    @Test
    void aDecisionIsSendWaitOrStopAndNeverANegativeWait() {
        assertThat(SendDecision.waitFor(-5, "a clock that went back").waitMillis())
                .isZero();
        assertThat(SendDecision.stop("outside the send window").kind()).isEqualTo(SendDecision.STOP);
        assertThatThrownBy(() -> new SendDecision("later", 0, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
