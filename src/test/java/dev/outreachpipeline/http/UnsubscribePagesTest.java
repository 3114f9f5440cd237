package dev.outreachpipeline.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.sending.UnsubscribeTokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsubscribePagesTest {

    private static final UnsubscribeTokens TOKENS = UnsubscribeTokens.of("an-unsubscribe-secret-of-at-least-32-chars");

    @Test
    void theAddressIsMaskedToItsFirstCharacterAndDomain() {
        assertThat(UnsubscribePages.mask("editor@example.com")).isEqualTo("e***@example.com");
        assertThat(UnsubscribePages.mask(" e@example.com ")).isEqualTo("e***@example.com");
        assertThat(UnsubscribePages.mask("\uD83D\uDE00x@example.com")).isEqualTo("\uD83D\uDE00***@example.com");
        assertThat(UnsubscribePages.mask("not an address")).isEqualTo("***");
        assertThat(UnsubscribePages.mask("@example.com")).isEqualTo("***");
    }

    @Test
    void htmlSpecialCharactersAreEscaped() {
        assertThat(UnsubscribePages.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    @Test
    void oneClickIsRecognisedInAFormOrInRawText() {
        assertThat(UnsubscribePages.isOneClick(Map.of("List-Unsubscribe", "One-Click")))
                .isTrue();
        assertThat(UnsubscribePages.isOneClick(Map.of("List-Unsubscribe", List.of("x", "One-Click"))))
                .isTrue();
        assertThat(UnsubscribePages.isOneClick("List-Unsubscribe=One-Click")).isTrue();
        assertThat(UnsubscribePages.isOneClick("a=b&List-Unsubscribe=One-Click\r\n".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(UnsubscribePages.isOneClick(Map.of("confirm", "unsubscribe")))
                .isFalse();
        assertThat(UnsubscribePages.isOneClick("List-Unsubscribe=One-Clickety")).isFalse();
        assertThat(UnsubscribePages.isOneClick(null)).isFalse();
    }

    @Test
    void onlyOurTokenInThePathNamesAProspect() {
        UUID id = UUID.randomUUID();
        var pages = new UnsubscribePages(TOKENS, "Sam");

        assertThat(pages.request("/u/" + TOKENS.tokenFor(id), null))
                .containsEntry("prospectId", id)
                .containsEntry("source", UnsubscribePages.CONFIRMATION_PAGE);
        assertThat(pages.request("/u/" + TOKENS.tokenFor(id), Map.of("List-Unsubscribe", "One-Click")))
                .containsEntry("source", UnsubscribePages.ONE_CLICK);
        assertThat(pages.request("/u/garbage", null)).containsEntry("prospectId", null);
        assertThat(pages.request("/x/" + TOKENS.tokenFor(id), null)).containsEntry("prospectId", null);
        assertThat(pages.request(null, null)).containsEntry("prospectId", null);
        assertThat(new UnsubscribePages(null, "").request("/u/" + TOKENS.tokenFor(id), null))
                .containsEntry("prospectId", null);
    }

    @Test
    void everyAnswerReplacesTheExchangeHeadersByItsOwnAndTheFilterLetsOnlyThoseOut() {
        var pages = new UnsubscribePages(TOKENS, "Sam");
        var filter = new PublicHeaderFilter();
        var context = new org.apache.camel.impl.DefaultCamelContext();
        for (var answer : List.<java.util.function.Consumer<org.apache.camel.Exchange>>of(
                e -> pages.confirmationPage("jane.doe@example.com", e),
                pages::unsubscribed,
                pages::recorded,
                pages::notFound,
                pages::unavailable,
                pages::methodNotAllowed,
                pages::failed)) {
            var exchange = new org.apache.camel.support.DefaultExchange(context);
            exchange.getMessage().setHeader("contactEmail", "jane.doe@example.com");
            exchange.getMessage().setHeader("CamelSqlRowCount", 1);

            answer.accept(exchange);

            var sent = new java.util.TreeSet<String>();
            exchange.getMessage().getHeaders().forEach((name, value) -> {
                if (!filter.applyFilterToCamelHeaders(name, value, exchange)) {
                    sent.add(name);
                }
            });
            assertThat(exchange.getMessage().getHeaders()).doesNotContainKeys("contactEmail", "CamelSqlRowCount");
            assertThat(exchange.getMessage().getHeader(org.apache.camel.Exchange.HTTP_RESPONSE_CODE))
                    .isNotNull();
            assertThat(sent)
                    .isSubsetOf(
                            "Content-Type",
                            "Cache-Control",
                            "X-Content-Type-Options",
                            "Content-Security-Policy",
                            "Referrer-Policy",
                            "X-Frame-Options",
                            "Allow")
                    .contains(
                            "Content-Type",
                            "Cache-Control",
                            "X-Content-Type-Options",
                            "Content-Security-Policy",
                            "Referrer-Policy",
                            "X-Frame-Options");
            assertThat(exchange.getMessage().getBody()).isInstanceOf(byte[].class);
        }
    }

    @Test
    void theFilterKeepsEveryOtherHeaderIn() {
        var filter = new PublicHeaderFilter();
        var exchange = new org.apache.camel.support.DefaultExchange(new org.apache.camel.impl.DefaultCamelContext());

        for (String inside : List.of(
                "contactEmail",
                "unsubscribedEmail",
                "prospectId",
                "Set-Cookie",
                "Location",
                "Server",
                "Content-Length",
                "CamelHttpResponseCode")) {
            assertThat(filter.applyFilterToCamelHeaders(inside, "x", exchange))
                    .as(inside)
                    .isTrue();
        }
        assertThat(filter.applyFilterToCamelHeaders("content-type", "text/plain", exchange))
                .isFalse();
    }

    @Test
    void withoutTheDatabaseThePageAsksWithoutNamingTheAddress() {
        var exchange = new org.apache.camel.support.DefaultExchange(new org.apache.camel.impl.DefaultCamelContext());

        new UnsubscribePages(TOKENS, "Sam").confirmationPage("", exchange);

        assertThat(new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8))
                .contains("to this address?")
                .contains("<form method=\"post\">");
    }
}
