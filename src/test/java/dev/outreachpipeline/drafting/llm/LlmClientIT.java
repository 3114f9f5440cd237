package dev.outreachpipeline.drafting.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.outreachpipeline.providers.ProviderCalls;
import dev.outreachpipeline.providers.ProviderLimits;
import dev.outreachpipeline.testsupport.CapturedLogs;
import dev.outreachpipeline.testsupport.Fixtures;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chat-completions client against WireMock: the request's shape, usage and cost read from a
 * real answer's shape (src/test/resources/fixtures/llm/chat-completion.json), 429 and 5xx retried, a
 * timeout, a refused key, and the key kept out of every reason and log line. The shared rate
 * limiter runs on a real database.
 */
class LlmClientIT {

    static final String KEY = "sk-test-THE-SECRET-KEY-4711";

    private static TestDatabase db;
    private static HikariDataSource dataSource;

    private final WireMockServer llm = started();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void database() {
        db = TestPostgres.migratedDatabase();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(2);
    }

    @AfterAll
    static void closeDatabase() {
        dataSource.close();
    }

    private static WireMockServer started() {
        var server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        llm.stop();
    }

    static LlmSettings settings(String baseUrl, Duration timeout, int retries) {
        return new LlmSettings(
                true,
                false,
                "",
                baseUrl,
                "gpt-4o-mini",
                KEY,
                100_000,
                100_000_000,
                700,
                timeout,
                retries,
                Duration.ofMillis(1),
                Duration.ofMillis(5));
    }

    private LlmClient client(Duration timeout, int retries) {
        return new LlmClient(
                settings(llm.baseUrl() + "/v1", timeout, retries),
                new ProviderLimits(dataSource),
                new ProviderCalls(registry, Clock.systemUTC()));
    }

    private LlmReply complete(LlmClient client) {
        return client.complete("draft for garden.example", "the rules", "FACTS\n", () -> {});
    }

    @Test
    void anAnswerIsReadWithItsTokensAndCostAndTheRequestHasTheDocumentedShape() {
        llm.stubFor(post("/v1/chat/completions")
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.read("llm/chat-completion.json"))));

        LlmReply reply = complete(client(Duration.ofSeconds(5), 0));

        assertThat(reply).isInstanceOf(LlmReply.Content.class);
        assertThat(((LlmReply.Content) reply).content()).startsWith("{\"subject\": \"Your page on garden lights\"");
        assertThat(reply.usage()).isEqualTo(new LlmUsage(1, 412, 96, new BigDecimal("0.000119")));
        llm.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.response_format", equalToJson("{\"type\":\"json_object\"}")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("the rules")))
                .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.3"))));
        assertThat(registry.get("outreach.provider.calls")
                        .tag("provider", "llm")
                        .tag("outcome", "content")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("outreach.provider.tokens")
                        .tag("direction", "in")
                        .counter()
                        .count())
                .isEqualTo(412);
        assertThat(registry.get("outreach.provider.cost")
                        .tag("provider", "llm")
                        .counter()
                        .count())
                .isEqualTo(0.000119);
    }

    @Test
    void aRateLimitAndAServerErrorAreRetriedAndEveryCallIsCounted() {
        llm.stubFor(post("/v1/chat/completions")
                .inScenario("busy")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                                + "\"code\":\"rate_limit_exceeded\"}}"))
                .willSetStateTo("overloaded"));
        llm.stubFor(post("/v1/chat/completions")
                .inScenario("busy")
                .whenScenarioStateIs("overloaded")
                .willReturn(aResponse().withStatus(503).withBody("<html>busy</html>"))
                .willSetStateTo("fine"));
        llm.stubFor(post("/v1/chat/completions")
                .inScenario("busy")
                .whenScenarioStateIs("fine")
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.read("llm/chat-completion.json"))));

        LlmReply reply = complete(client(Duration.ofSeconds(5), 2));

        assertThat(reply).isInstanceOf(LlmReply.Content.class);
        assertThat(reply.usage().calls()).isEqualTo(3);
        assertThat(reply.usage().tokensIn()).isEqualTo(412);
    }

    @Test
    void serverErrorsBeyondTheRetriesEndAsRetryWithEveryCallCounted() {
        llm.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(500)));

        LlmReply reply = complete(client(Duration.ofSeconds(5), 1));

        assertThat(reply).isInstanceOf(LlmReply.Retry.class);
        assertThat(((LlmReply.Retry) reply).reason()).isEqualTo("HTTP 500");
        assertThat(reply.usage().calls()).isEqualTo(2);
        llm.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsNoAnswer() {
        llm.stubFor(post("/v1/chat/completions")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(1500)
                        .withBody(Fixtures.read("llm/chat-completion.json"))));

        LlmReply reply = complete(client(Duration.ofMillis(200), 0));

        assertThat(reply).isInstanceOf(LlmReply.Retry.class);
        assertThat(((LlmReply.Retry) reply).reason()).contains("no answer").contains("Timeout");
    }

    @Test
    void aRefusedKeyIsNotRetriedAndTheKeyIsInNoReasonNorLogLine() {
        // OpenAI repeats part of a wrong key in its message; the client never passes the message on
        llm.stubFor(post("/v1/chat/completions")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                                + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
        LlmReply reply;
        try (CapturedLogs logs = CapturedLogs.start()) {
            LlmClient client = client(Duration.ofSeconds(5), 3);
            reply = complete(client);

            assertThat(reply).isInstanceOf(LlmReply.Refused.class);
            assertThat(((LlmReply.Refused) reply).reason()).isEqualTo("HTTP 401 (invalid_api_key)");
            assertThat(String.join("\n", logs.lines())).doesNotContain(KEY).doesNotContain("4711");
            assertThat(client.toString()).doesNotContain(KEY);
        }
        llm.verify(1, postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }
}
