package dev.outreachpipeline.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.sending.UnsubscribeTokens;
import dev.outreachpipeline.testsupport.CapturedLogs;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one-click unsubscribe link, through the real daemon's HTTP server, routes and database. */
class UnsubscribeLinkIT {

    private static final String SECRET = "an-unsubscribe-secret-of-at-least-32-chars";
    private static final UnsubscribeTokens TOKENS = UnsubscribeTokens.of(SECRET);
    private static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private static final TestDatabase db = TestPostgres.newDatabase();
    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static InProcessDaemon daemon;

    @BeforeAll
    static void startDaemon() {
        assertThat(CliRun.run(db.env(), "db", "migrate").exitCode()).isZero();
        daemon = InProcessDaemon.start(db, "OUTREACH_UNSUBSCRIBE_SECRET", SECRET);
    }

    @AfterAll
    static void stopDaemon() throws Exception {
        if (daemon != null) {
            daemon.stop();
        }
    }

    private static UUID prospect(String domain, String contactEmail, String status) {
        return UUID.fromString(
                db.rowsOf("INSERT INTO prospects (domain, contact_email, outreach_status) VALUES ('" + domain
                                + "', " + (contactEmail == null ? "NULL" : "'" + contactEmail.replace("'", "''") + "'")
                                + ", '" + status
                                + "') RETURNING id::text AS id")
                        .get(0)
                        .get("id")
                        .toString());
    }

    private static String status(UUID prospect) {
        return db.rowsOf("SELECT outreach_status FROM prospects WHERE id = '" + prospect + "'")
                .get(0)
                .get("outreach_status")
                .toString();
    }

    private static long suppressions() {
        return db.count("SELECT count(*) FROM suppressions");
    }

    private static URI link(String token) {
        return daemon.uri("/u/" + token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String token) throws Exception {
        return send(HttpRequest.newBuilder(link(token)).GET());
    }

    private static HttpResponse<String> post(String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(link(token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void getShowsTheConfirmationPageAndChangesNothing() throws Exception {
        UUID id = prospect("page.example", "Editor@Page.example", "sent");
        long before = suppressions();

        HttpResponse<String> page = get(TOKENS.tokenFor(id));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html").containsIgnoringCase("utf-8"));
        assertThat(page.body())
                .contains("E***@Page.example")
                .doesNotContain("Editor@")
                .contains("<form method=\"post\">")
                .contains("<button")
                .doesNotContain("<script")
                .doesNotContain("src=")
                .doesNotContain("href=");
        assertThat(suppressions()).isEqualTo(before);
        assertThat(status(id)).isEqualTo("sent");
    }

    @Test
    void oneClickPostSuppressesTheAddressOnceAndMarksTheProspect() throws Exception {
        UUID id = prospect("oneclick.example", "Jane.Doe@OneClick.example", "sent");
        String token = TOKENS.tokenFor(id);
        long before = suppressions();

        HttpResponse<String> first = post(token, ONE_CLICK);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("You are unsubscribed");
        assertThat(db.rowsOf(
                        "SELECT email, reason, source FROM suppressions WHERE email = 'jane.doe@oneclick.example'"))
                .containsExactly(Map.of(
                        "email", "jane.doe@oneclick.example", "reason", "unsubscribed", "source", "one-click link"));
        assertThat(suppressions()).isEqualTo(before + 1);
        assertThat(status(id)).isEqualTo("unsubscribed");

        HttpResponse<String> again = post(token, ONE_CLICK);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("You are unsubscribed");
        assertThat(suppressions()).isEqualTo(before + 1);
        assertThat(status(id)).isEqualTo("unsubscribed");
    }

    @Test
    void aOneClickPostAsMultipartFormDataWorksToo() throws Exception {
        UUID id = prospect("multipart.example", "info@multipart.example", "sent");
        String body =
                "--b0undary\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b0undary--\r\n";

        HttpResponse<String> done = send(HttpRequest.newBuilder(link(TOKENS.tokenFor(id)))
                .header("Content-Type", "multipart/form-data; boundary=b0undary")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(db.rowsOf("SELECT reason, source FROM suppressions WHERE email = 'info@multipart.example'"))
                .containsExactly(Map.of("reason", "unsubscribed", "source", "one-click link"));
        assertThat(status(id)).isEqualTo("unsubscribed");
    }

    @Test
    void theConfirmationPageButtonUnsubscribesToo() throws Exception {
        UUID id = prospect("button.example", "owner@button.example", "approved");

        HttpResponse<String> done = post(TOKENS.tokenFor(id), "confirm=unsubscribe");

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(db.rowsOf("SELECT reason, source FROM suppressions WHERE email = 'owner@button.example'"))
                .containsExactly(Map.of("reason", "unsubscribed", "source", "confirmation page"));
        assertThat(status(id)).isEqualTo("unsubscribed");
    }

    @Test
    void aFinalStateIsKeptButTheAddressIsStillSuppressed() throws Exception {
        UUID id = prospect("replied.example", "boss@replied.example", "replied");

        assertThat(post(TOKENS.tokenFor(id), ONE_CLICK).statusCode()).isEqualTo(200);

        assertThat(status(id)).isEqualTo("replied");
        assertThat(
                        db.count(
                                "SELECT count(*) FROM suppressions WHERE email = 'boss@replied.example' AND reason = 'unsubscribed'"))
                .isOne();
    }

    @Test
    void forgedGarbageAndUnknownTokensAnswer404AndWriteNothing() throws Exception {
        UUID id = prospect("victim.example", "victim@victim.example", "sent");
        String real = TOKENS.tokenFor(id);
        char last = real.charAt(real.length() - 1);
        String forged = real.substring(0, real.length() - 1) + (last == 'A' ? 'Q' : 'A');
        String otherSecret =
                UnsubscribeTokens.of("another-secret-that-is-at-least-32-chars").tokenFor(id);
        String unknown = TOKENS.tokenFor(UUID.randomUUID());
        long before = suppressions();

        for (String token : List.of(forged, otherSecret, "garbage", "x".repeat(45), unknown)) {
            for (HttpResponse<String> answer : List.of(get(token), post(token, ONE_CLICK))) {
                assertThat(answer.statusCode())
                        .as(answer.request().method() + " " + token)
                        .isEqualTo(404);
                assertThat(answer.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
                assertThat(answer.body())
                        .contains("not valid")
                        .doesNotContain("Exception")
                        .doesNotContain("\tat ");
            }
        }

        assertThat(suppressions()).isEqualTo(before);
        assertThat(status(id)).isEqualTo("sent");
    }

    @Test
    void aProspectWithoutAnAddressAnswers404() throws Exception {
        UUID id = prospect("noaddress.example", null, "pending");
        long before = suppressions();

        assertThat(get(TOKENS.tokenFor(id)).statusCode()).isEqualTo(404);
        assertThat(post(TOKENS.tokenFor(id), ONE_CLICK).statusCode()).isEqualTo(404);

        assertThat(suppressions()).isEqualTo(before);
        assertThat(status(id)).isEqualTo("pending");
    }

    @Test
    void requestFieldsCannotStandInForTheProspect() throws Exception {
        UUID own = prospect("own.example", "me@own.example", "sent");
        UUID other = prospect("other.example", "someone@other.example", "sent");

        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                        URI.create(link(TOKENS.tokenFor(own)) + "?prospectId=" + other))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("prospectId", other.toString())
                .POST(HttpRequest.BodyPublishers.ofString(ONE_CLICK + "&prospectId=" + other + "&source=forged")));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("prospectId")).isEmpty();
        assertThat(status(own)).isEqualTo("unsubscribed");
        assertThat(status(other)).isEqualTo("sent");
        assertThat(db.rowsOf("SELECT source FROM suppressions WHERE email = 'me@own.example'"))
                .containsExactly(Map.of("source", "one-click link"));
        assertThat(db.count("SELECT count(*) FROM suppressions WHERE email = 'someone@other.example'"))
                .isZero();
    }

    @Test
    void prospectValuesOnThePageAreEscaped() throws Exception {
        UUID id = prospect("escape.example", "<b>\"x\"@escape.example", "sent");

        HttpResponse<String> page = get(TOKENS.tokenFor(id));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("&lt;***@escape.example").doesNotContain("<b>");
    }

    @Test
    void otherMethodsAnswer405() throws Exception {
        UUID id = prospect("put.example", "put@put.example", "sent");
        long before = suppressions();

        HttpResponse<String> put = send(
                HttpRequest.newBuilder(link(TOKENS.tokenFor(id))).PUT(HttpRequest.BodyPublishers.ofString(ONE_CLICK)));
        HttpResponse<String> delete =
                send(HttpRequest.newBuilder(link(TOKENS.tokenFor(id))).DELETE());

        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(suppressions()).isEqualTo(before);
        assertThat(status(id)).isEqualTo("sent");
    }

    /** The security and caching headers every answer of the public port carries, and nothing from the exchange. */
    private static final Set<String> ANSWER_HEADERS = Set.of(
            "content-type",
            "cache-control",
            "x-content-type-options",
            "content-security-policy",
            "referrer-policy",
            "x-frame-options");
    /** What Vert.x itself adds to an answer: only the length of the body. */
    private static final Set<String> TRANSPORT_HEADERS = Set.of("content-length");

    private static Set<String> headerNames(HttpResponse<?> response) {
        var names = new TreeSet<String>();
        response.headers().map().keySet().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
        names.remove(":status");
        return names;
    }

    private static Set<String> expected(String... extra) {
        var names = new TreeSet<String>(ANSWER_HEADERS);
        names.addAll(TRANSPORT_HEADERS);
        names.addAll(List.of(extra));
        return names;
    }

    @Test
    void everyPublicAnswerCarriesExactlyItsOwnHeaders() throws Exception {
        UUID id = prospect("headers.example", "jane.doe@headers.example", "sent");
        String token = TOKENS.tokenFor(id);
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "Q" : "A");

        var answers = new java.util.LinkedHashMap<String, HttpResponse<String>>();
        answers.put("GET page", get(token));
        answers.put("POST unsubscribe", post(token, ONE_CLICK));
        answers.put("POST again", post(token, ONE_CLICK));
        answers.put("GET forged", get(forged));
        answers.put("POST forged", post(forged, ONE_CLICK));
        answers.put(
                "GET unknown path",
                send(HttpRequest.newBuilder(daemon.uri("/admin")).GET()));
        answers.put(
                "POST unknown path",
                send(HttpRequest.newBuilder(daemon.uri("/")).POST(HttpRequest.BodyPublishers.ofString("x"))));
        answers.put(
                "PUT", send(HttpRequest.newBuilder(link(token)).PUT(HttpRequest.BodyPublishers.ofString(ONE_CLICK))));
        answers.put(
                "POST too large",
                send(HttpRequest.newBuilder(link(token))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("a=" + "x".repeat(64 * 1024)))));

        assertThat(answers.get("GET page").statusCode()).isEqualTo(200);
        assertThat(answers.get("POST unsubscribe").statusCode()).isEqualTo(200);
        assertThat(answers.get("GET forged").statusCode()).isEqualTo(404);
        assertThat(answers.get("GET unknown path").statusCode()).isEqualTo(404);
        assertThat(answers.get("POST unknown path").statusCode()).isEqualTo(404);
        assertThat(answers.get("PUT").statusCode()).isEqualTo(405);
        assertThat(answers.get("POST too large").statusCode()).isEqualTo(413);
        answers.forEach((what, answer) -> {
            assertThat(headerNames(answer)).as(what).isEqualTo(what.equals("PUT") ? expected("allow") : expected());
            assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                    .as(what)
                    .hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(answer.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .as(what)
                    .hasValueSatisfying(csp ->
                            assertThat(csp).startsWith("default-src 'none'").contains("frame-ancestors 'none'"));
            assertThat(answer.headers().map().values().toString()).as(what).doesNotContain("headers.example");
        });
    }

    @Test
    void aGetWithAnEmptyFormBodyIsA404WithAtMostOneLogLine() throws Exception {
        String answer;
        List<String> logged;
        List<String> withStackTrace;
        try (CapturedLogs logs = CapturedLogs.start()) {
            answer = raw("GET /u/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n");
            logged = logs.lines();
            withStackTrace = logs.withStackTrace();
        }

        assertThat(answer).startsWith("HTTP/1.1 404").doesNotContain("Exception");
        assertThat(logged).hasSizeLessThanOrEqualTo(1);
        assertThat(withStackTrace).isEmpty();
    }

    /** Sends {@code request} as it is and reads the whole answer (the request asks to close the connection). */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", daemon.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
