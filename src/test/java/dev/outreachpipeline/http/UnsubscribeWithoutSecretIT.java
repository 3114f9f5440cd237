package dev.outreachpipeline.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.sending.UnsubscribeTokens;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A daemon without an unsubscribe secret still starts, and its unsubscribe links say they cannot work. */
class UnsubscribeWithoutSecretIT {

    @Test
    void everyLinkAnswers503WithASentence() throws Exception {
        TestDatabase db = TestPostgres.newDatabase();
        assertThat(CliRun.run(db.env(), "db", "migrate").exitCode()).isZero();
        String token = UnsubscribeTokens.of("an-unsubscribe-secret-of-at-least-32-chars")
                .tokenFor(UUID.randomUUID());
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        InProcessDaemon daemon = InProcessDaemon.start(db);
        try {
            for (HttpRequest request : new HttpRequest[] {
                HttpRequest.newBuilder(daemon.uri("/u/" + token))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpRequest.newBuilder(daemon.uri("/u/" + token))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .build()
            }) {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());

                assertThat(answer.statusCode()).as(request.method()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
                assertThat(answer.body())
                        .contains("not available")
                        .doesNotContain("Exception")
                        .doesNotContain("\tat ");
                var names = new java.util.TreeSet<String>();
                answer.headers().map().keySet().forEach(n -> names.add(n.toLowerCase(java.util.Locale.ROOT)));
                assertThat(names)
                        .as(request.method())
                        .containsExactly(
                                "cache-control",
                                "content-length",
                                "content-security-policy",
                                "content-type",
                                "referrer-policy",
                                "x-content-type-options",
                                "x-frame-options");
            }
            assertThat(db.count("SELECT count(*) FROM suppressions")).isZero();
        } finally {
            daemon.stop();
        }
    }
}
