package dev.outreachpipeline.http;

import dev.outreachpipeline.sending.UnsubscribeTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(UnsubscribePages.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    @Test
    void oneClickIsRecognisedInAFormOrInRawText() {
        assertThat(UnsubscribePages.isOneClick(Map.of("List-Unsubscribe", "One-Click"))).isTrue();
        assertThat(UnsubscribePages.isOneClick(Map.of("List-Unsubscribe", List.of("x", "One-Click")))).isTrue();
        assertThat(UnsubscribePages.isOneClick("List-Unsubscribe=One-Click")).isTrue();
        assertThat(UnsubscribePages.isOneClick("a=b&List-Unsubscribe=One-Click\r\n".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(UnsubscribePages.isOneClick(Map.of("confirm", "unsubscribe"))).isFalse();
        assertThat(UnsubscribePages.isOneClick("List-Unsubscribe=One-Clickety")).isFalse();
        assertThat(UnsubscribePages.isOneClick(null)).isFalse();
    }

    @Test
    void onlyOurTokenInThePathNamesAProspect() {
        UUID id = UUID.randomUUID();
        var pages = new UnsubscribePages(TOKENS, "Sam");

        assertThat(pages.request("/u/" + TOKENS.tokenFor(id), null)).containsEntry("prospectId", id)
                .containsEntry("source", UnsubscribePages.CONFIRMATION_PAGE);
        assertThat(pages.request("/u/" + TOKENS.tokenFor(id), Map.of("List-Unsubscribe", "One-Click")))
                .containsEntry("source", UnsubscribePages.ONE_CLICK);
        assertThat(pages.request("/u/garbage", null)).containsEntry("prospectId", null);
        assertThat(pages.request("/x/" + TOKENS.tokenFor(id), null)).containsEntry("prospectId", null);
        assertThat(pages.request(null, null)).containsEntry("prospectId", null);
        assertThat(new UnsubscribePages(null, "").request("/u/" + TOKENS.tokenFor(id), null)).containsEntry("prospectId", null);
    }
}
