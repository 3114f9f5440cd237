package dev.outreachpipeline.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider transport against WireMock: every status is an answer, one request per call, no credential in a failure. */
class ProviderHttpTest {

    private static final String KEY = "k3y-that-must-not-show";

    private final WireMockServer provider = started();

    private static WireMockServer started() {
        var server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        provider.stop();
    }

    @Test
    void aServerErrorIsAnAnswerAndIsNotRepeated() throws Exception {
        provider.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(503).withBody("{\"errors\":[]}")));
        var http = new ProviderHttp("Hunter", provider.baseUrl() + "/", Duration.ofSeconds(5), 2);

        ProviderHttp.Answer answer = http.get("/v2/account?api_key=" + KEY, Map.of());

        assertThat(answer).isEqualTo(new ProviderHttp.Answer(503, "{\"errors\":[]}"));
        assertThat(provider.countRequestsMatching(getRequestedFor(urlEqualTo("/v2/account?api_key=" + KEY))
                                .build())
                        .getCount())
                .isEqualTo(1);
    }

    @Test
    void aPostSendsItsJsonAndHeaders() throws Exception {
        provider.stubFor(
                post(urlEqualTo("/v3/x")).willReturn(aResponse().withStatus(200).withBody("{}")));
        var http = new ProviderHttp("DataForSEO", provider.baseUrl(), Duration.ofSeconds(5), 2);

        assertThat(http.postJson("/v3/x", "[{\"a\":1}]", Map.of("Authorization", "Basic abc"))
                        .status())
                .isEqualTo(200);

        provider.verify(
                1,
                postRequestedFor(urlEqualTo("/v3/x"))
                        .withHeader("Authorization", equalTo("Basic abc"))
                        .withHeader("Content-Type", containing("application/json"))
                        .withRequestBody(equalToJson("[{\"a\":1}]")));
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsNoAnswerAndTheMessageHoldsNoCredential() {
        provider.stubFor(get(anyUrl())
                .willReturn(aResponse().withStatus(200).withFixedDelay(5_000).withBody("{}")));
        var http = new ProviderHttp("Hunter", provider.baseUrl(), Duration.ofSeconds(1), 2);

        assertThatThrownBy(() -> http.get(
                        "/v2/domain-search?domain=a.com&api_key=" + KEY, Map.of("Authorization", "Basic " + KEY)))
                .isInstanceOfSatisfying(ProviderHttp.NoAnswer.class, e -> {
                    assertThat(e.kind()).isEqualTo("SocketTimeoutException");
                    assertThat(e)
                            .hasMessage("no answer from Hunter: SocketTimeoutException")
                            .hasNoCause();
                });
        assertThat(provider.countRequestsMatching(anyRequestedFor(anyUrl()).build())
                        .getCount())
                .isEqualTo(1);
    }

    @Test
    void aResetConnectionIsNoAnswerSentOnce() {
        provider.stubFor(get(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        var http = new ProviderHttp("DataForSEO", provider.baseUrl(), Duration.ofSeconds(5), 2);

        assertThatThrownBy(() -> http.get("/v3/serp/google/organic/tasks_ready?secret=" + KEY, Map.of()))
                .isInstanceOf(ProviderHttp.NoAnswer.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .startsWith("no answer from DataForSEO: ")
                        .doesNotContain(KEY));
        assertThat(provider.countRequestsMatching(anyRequestedFor(anyUrl()).build())
                        .getCount())
                .isEqualTo(1);
    }

    @Test
    void itsDescriptionMasksACredentialInTheBaseUrl() {
        var http = new ProviderHttp("Hunter", "https://user:" + KEY + "@api.example.test", Duration.ofSeconds(30), 2);

        assertThat(http.toString()).doesNotContain(KEY).contains("Hunter", "api.example.test", "30 s");
    }
}
