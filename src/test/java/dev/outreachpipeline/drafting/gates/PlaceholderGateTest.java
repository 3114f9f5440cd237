package dev.outreachpipeline.drafting.gates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The placeholder gate: another tool's template syntax and holes left for a person fail; ordinary text passes. */
class PlaceholderGateTest {

    private final PlaceholderGate gate = new PlaceholderGate();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Hi {{first_name}},",
                "Hi ${firstName},",
                "Thanks }} again",
                "Hi [First Name],",
                "Hi [name],",
                "I love [Company]'s blog",
                "Hi <first name>,",
                "A post for <Website>",
                "I read [insert article title] last week"
            })
    void aPlaceholderInTheBodyFailsTheDraft(String line) {
        var problem = gate.check(Drafts.withBody(Drafts.BODY + line + "\n"));

        assertThat(problem)
                .hasValueSatisfying(p -> assertThat(p).startsWith("the text body has an unfilled placeholder"));
    }

    @Test
    void aPlaceholderInTheSubjectIsNamedThere() {
        assertThat(gate.check(Drafts.draft("A guest post for {{domain}}", Drafts.BODY, null)))
                .hasValue("the subject has an unfilled placeholder \"{{domain}}\"; fill it from a template variable"
                        + " or remove it from the template");
    }

    @Test
    void anEscapedAnglePlaceholderInTheHtmlBodyFails() {
        var problem = gate.check(Drafts.draft("A subject", Drafts.BODY, "<p>Hi &lt;First Name&gt;,</p>"));

        assertThat(problem)
                .hasValueSatisfying(
                        p -> assertThat(p).startsWith("the HTML body").contains("First Name"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "The list [1] and [sic] and [see below] are fine.",
                "a < b > c, and <https://garden.example/shade-plants> too",
                "Write to <ed@garden.example> or see https://garden.example/shade-plants?a=1&b={x",
                "Prices in $ and braces { like this } are text"
            })
    void ordinaryTextAndUrlsPass(String line) {
        assertThat(gate.check(Drafts.withBody(Drafts.BODY + line + "\n"))).isEmpty();
    }

    @Test
    void htmlTagsAreNotPlaceholders() {
        assertThat(gate.check(Drafts.draft(
                        "A subject",
                        Drafts.BODY,
                        "<!DOCTYPE html><html><body><p>Hi Ana,<br>" + "thanks</p></body></html>")))
                .isEmpty();
    }
}
