package dev.outreachpipeline.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outreachpipeline.enrichment.HunterOutcome.DoNotProcess;
import dev.outreachpipeline.enrichment.HunterOutcome.Failed;
import dev.outreachpipeline.enrichment.HunterOutcome.Found;
import dev.outreachpipeline.enrichment.HunterOutcome.QuotaExhausted;
import dev.outreachpipeline.enrichment.HunterOutcome.Rejected;
import dev.outreachpipeline.enrichment.HunterOutcome.Retry;
import dev.outreachpipeline.enrichment.VerifierOutcome.Pending;
import dev.outreachpipeline.enrichment.VerifierOutcome.RetryLater;
import dev.outreachpipeline.enrichment.VerifierOutcome.Verified;
import dev.outreachpipeline.testsupport.Fixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HunterResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HunterResponses responses = new HunterResponses();

    // ---- domain search: answers ----

    @Test
    void readsEveryAddressOfAMixedDomainSearchInHuntersOrder() {
        Found found = (Found) responses.parseDomainSearch(200, read("domain-search-mixed.json"));
        DomainSearch data = found.data();

        assertThat(data.domain()).isEqualTo("gardenblog.com");
        assertThat(data.disposable()).isFalse();
        assertThat(data.webmail()).isFalse();
        assertThat(data.acceptAll()).isFalse();
        assertThat(data.pattern()).isEqualTo("{first}.{last}");
        assertThat(data.organization()).isEqualTo("Garden Blog");
        assertThat(data.emails())
                .extracting(HunterEmail::value)
                .containsExactly(
                        "tom.becker@gardenblog.com",
                        "info@gardenblog.com",
                        "sarah.whitfield@gardenblog.com",
                        "mark.ellis@gardenblog.com",
                        "partnerships@gardenblog.com",
                        "priya.nair@gardenblog.com",
                        "jake.morrison@gardenblog.com",
                        "hello@gardenblog.com",
                        "amy.chen@plotandpetal.com");
        assertThat(data.emails())
                .extracting(HunterEmail::confidence)
                .containsExactly(95, 88, 92, 88, 72, 81, 30, 80, 70);
    }

    @Test
    void readsEveryFieldOfAnAddress() {
        DomainSearch data = ((Found) responses.parseDomainSearch(200, read("domain-search-mixed.json"))).data();

        assertThat(data.emails().get(2))
                .isEqualTo(new HunterEmail(
                        "sarah.whitfield@gardenblog.com",
                        "personal",
                        92,
                        "Sarah",
                        "Whitfield",
                        "Senior Editor",
                        "senior",
                        "communication",
                        "valid",
                        3));
        assertThat(data.emails().get(4))
                .isEqualTo(new HunterEmail(
                        "partnerships@gardenblog.com", "generic", 72, null, null, null, null, "sales", null, 1));
    }

    @Test
    void rawDataIsTheDataObjectAsReceived() throws Exception {
        String body = read("domain-search-mixed.json");
        Found found = (Found) responses.parseDomainSearch(200, body);

        assertThat(JSON.readTree(found.rawData())).isEqualTo(JSON.readTree(body).get("data"));
        assertThat(found.rawData()).doesNotContain("\"meta\"");
    }

    @Test
    void aGenericOnlyAcceptAllDomainIsAnAnswer() {
        DomainSearch data = ((Found)
                        responses.parseDomainSearch(200, read("hunter-domain-search-generic-only-accept-all.json")))
                .data();

        assertThat(data.domain()).isEqualTo("hearthandhollow.co.uk");
        assertThat(data.acceptAll()).isTrue();
        assertThat(data.pattern()).isNull();
        assertThat(data.emails())
                .extracting(
                        HunterEmail::value, HunterEmail::type, HunterEmail::confidence, HunterEmail::verificationStatus)
                .containsExactly(
                        tuple("info@hearthandhollow.co.uk", "generic", 90, "accept_all"),
                        tuple("orders@hearthandhollow.co.uk", "generic", 79, "accept_all"));
    }

    @Test
    void noEmailsIsAnEmptyAnswerNotAFailure() {
        Found found = (Found) responses.parseDomainSearch(200, read("hunter-domain-search-no-emails.json"));

        assertThat(found.data().domain()).isEqualTo("rusticnestdesigns.com");
        assertThat(found.data().emails()).isEmpty();
        assertThat(found.rawData()).contains("\"emails\":[]");
    }

    @Test
    void confidenceIsReadFromConfidenceNeverFromConfidenceScore() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(read("domain-search-mixed.json"));
        ObjectNode first = (ObjectNode) root.at("/data/emails/0");
        first.put("confidence_score", 12);
        ObjectNode second = (ObjectNode) root.at("/data/emails/1");
        second.remove("confidence");
        second.put("confidence_score", 77);

        DomainSearch data = ((Found) responses.parseDomainSearch(200, root.toString())).data();

        assertThat(data.emails().get(0).confidence()).isEqualTo(95);
        assertThat(data.emails().get(1).confidence()).isZero();
    }

    @Test
    void toleratesMissingOptionalFieldsAndSkipsAddressesWithoutAValue() {
        String body = """
                {"data":{"domain":"x.com","emails":[
                  {"value":"a@x.com"},
                  {"value":null,"type":"personal","confidence":90},
                  "b@x.com",
                  {"value":"c@x.com","confidence":"high","verification":null,"sources":"none"}]}}""";

        DomainSearch data = ((Found) responses.parseDomainSearch(200, body)).data();

        assertThat(data.disposable()).isFalse();
        assertThat(data.organization()).isNull();
        assertThat(data.emails())
                .containsExactly(
                        new HunterEmail("a@x.com", null, 0, null, null, null, null, null, null, 0),
                        new HunterEmail("c@x.com", null, 0, null, null, null, null, null, null, 0));
    }

    // ---- domain search: failures ----

    @Test
    void http400WrongParamsFailsThisProspect() {
        Failed f = (Failed) responses.parseDomainSearch(400, read("hunter-error-400-wrong-params.json"));

        assertThat(f.reason())
                .isEqualTo("Hunter refused the domain search as invalid (HTTP 400, wrong_params: "
                        + "You are missing the domain parameter).");
    }

    @Test
    void http400PaginationErrorSaysTheLimitIsAboveThePlan() {
        Failed f = (Failed) responses.parseDomainSearch(
                400, error("pagination_error", 400, "The limit is greater than the allowed value for your plan."));

        assertThat(f.reason())
                .contains("pagination_error", "The limit is greater", "above what the Hunter plan allows");
    }

    @Test
    void http401RejectsTheKey() {
        Rejected r = (Rejected) responses.parseDomainSearch(401, read("hunter-error-401-authentication-failed.json"));

        assertThat(r.reason())
                .startsWith("Hunter rejected the API key (HTTP 401, authentication_failed: "
                        + "No user found for the API key supplied).");
    }

    @Test
    void http403IsTheRateLimitAndIsRetried() {
        Retry r = (Retry) responses.parseDomainSearch(403, read("hunter-error-403-rate-limit.json"));

        assertThat(r.reason())
                .contains("rate limit", "HTTP 403", "too_many_requests", "You have reached the rate limit.");
    }

    @Test
    void http429UsageLimitExhaustsTheQuota() {
        QuotaExhausted q = (QuotaExhausted) responses.parseDomainSearch(429, read("hunter-error-429-usage-limit.json"));

        assertThat(q.restricted()).isFalse();
        assertThat(q.reason())
                .contains(
                        "quota",
                        "HTTP 429",
                        "too_many_requests",
                        "You've reached the limit for the number of searches per billing period",
                        "Retrying does not help");
    }

    @Test
    void http429RestrictedAccountIsNotAQuestionOfWaiting() {
        QuotaExhausted q =
                (QuotaExhausted) responses.parseDomainSearch(429, read("hunter-error-429-restricted-account.json"));

        assertThat(q.restricted()).isTrue();
        assertThat(q.reason())
                .contains("restricted", "restricted_account", "Your account was restricted.", "log in to Hunter");
    }

    @Test
    void http429WithoutAReadableBodyIsTheQuota() {
        assertThat(responses.parseDomainSearch(429, "<html>Too Many Requests</html>"))
                .isInstanceOfSatisfying(
                        QuotaExhausted.class, q -> assertThat(q.restricted()).isFalse());
    }

    @Test
    void http451MeansDoNotProcess() {
        DoNotProcess d = (DoNotProcess) responses.parseDomainSearch(451, read("domain-search-451.json"));

        assertThat(d.reason())
                .contains(
                        "asked not to be processed",
                        "HTTP 451",
                        "claimed_email",
                        "stop the processing of their data",
                        "never ask Hunter");
    }

    @Test
    void http500IsRetriedAndSaysWhatHunterSaid() {
        Retry r = (Retry) responses.parseDomainSearch(500, read("hunter-error-500.json"));

        assertThat(r.reason())
                .isEqualTo("Hunter could not answer the domain search just now (HTTP 500, "
                        + "internal_server_error: Something went wrong on our side. Please try again later.).");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408})
    void serverErrorsAndTimeoutsAreRetriedWhateverTheBody(int http) {
        assertThat(responses.parseDomainSearch(http, "<html><body>502 Bad Gateway</body></html>"))
                .isInstanceOf(Retry.class);
        assertThat(responses.parseDomainSearch(http, "{\"errors\":[{\"id\":")).isInstanceOf(Retry.class);
        assertThat(responses.parseDomainSearch(http, "")).isInstanceOf(Retry.class);
        assertThat(responses.parseDomainSearch(http, null)).isInstanceOf(Retry.class);
    }

    @Test
    void anUnreadableBodyIsQuotedInTheReason() {
        Retry r = (Retry) responses.parseDomainSearch(502, "<html><body>502 Bad Gateway</body></html>");

        assertThat(r.reason()).contains("HTTP 502", "body \"<html><body>502 Bad Gateway</body></html>\"");
        assertThat(((Retry) responses.parseDomainSearch(503, "")).reason()).contains("HTTP 503, empty body");
    }

    @Test
    void noAnswerAtAllIsRetried() {
        Retry r = (Retry) responses.parseDomainSearch(599, null);

        assertThat(r.reason()).contains("did not answer", "no response");
    }

    @ParameterizedTest
    @ValueSource(ints = {402, 404, 405, 410, 422, 301})
    void otherClientErrorsFailThisProspect(int http) {
        assertThat(responses.parseDomainSearch(http, error("something_else", http, "Nope.")))
                .isInstanceOf(Failed.class);
    }

    @Test
    void http404PointsAtTheBaseUrl() {
        Failed f = (Failed) responses.parseDomainSearch(404, "<html>Not Found</html>");

        assertThat(f.reason()).contains("HTTP 404", "base URL");
    }

    @Test
    void aMalformed200FailsThisProspectSayingWhatWasWrong() {
        assertThat(reason(responses.parseDomainSearch(200, "<html>maintenance</html>")))
                .contains("without a data object", "maintenance");
        assertThat(reason(responses.parseDomainSearch(200, "{\"data\":{\"domain\":\"x.com\",\"emails\":[")))
                .contains("without a data object");
        assertThat(reason(responses.parseDomainSearch(200, ""))).contains("without a data object", "empty body");
        assertThat(reason(responses.parseDomainSearch(200, "[]"))).contains("without a data object");
        assertThat(reason(responses.parseDomainSearch(200, "{\"data\":{\"domain\":\"x.com\"}}")))
                .contains("without an emails list");
        assertThat(reason(responses.parseDomainSearch(200, "{\"data\":{\"domain\":\"x.com\",\"emails\":null}}")))
                .contains("without an emails list");
        assertThat(reason(responses.parseDomainSearch(200, error("wrong_params", 400, "Missing domain."))))
                .contains("without a data object", "wrong_params", "Missing domain.");
    }

    @Test
    void unexpectedSuccessStatusesFailThisProspect() {
        assertThat(responses.parseDomainSearch(202, read("domain-search-mixed.json")))
                .isInstanceOf(Failed.class);
        assertThat(responses.parseDomainSearch(204, "")).isInstanceOf(Failed.class);
    }

    @Test
    void severalErrorsAreAllQuoted() {
        String body = "{\"errors\":[{\"id\":\"wrong_params\",\"code\":400,\"details\":\"Bad domain.\"},"
                + "{\"code\":400,\"details\":\"Bad type.\"},{\"id\":\"pagination_error\"}]}";

        assertThat(reason(responses.parseDomainSearch(400, body)))
                .contains("(HTTP 400, wrong_params: Bad domain.; code 400: Bad type.; pagination_error)");
    }

    @Test
    void reasonsNeverCarryTheApiKey() {
        String leaky = error(
                "wrong_params",
                400,
                "Bad request https://api.hunter.io/v2/domain-search?domain=x.com&api_key=5ecr3tK3y0123 failed");

        String r = reason(responses.parseDomainSearch(400, leaky));
        assertThat(r).doesNotContain("5ecr3tK3y0123").contains("api_key=****");
        assertThat(reason(responses.parseDomainSearch(502, "GET /v2/domain-search?api_key=5ecr3tK3y0123 timed out")))
                .doesNotContain("5ecr3tK3y0123");
        assertThat(new Failed("see ?api_key=abc").reason()).isEqualTo("see ?api_key=****");
    }

    // ---- email verifier ----

    @Test
    void verifierValid() {
        assertThat(responses.parseVerifier(200, read("hunter-email-verifier-valid.json")))
                .isEqualTo(new Verified("valid", 96));
    }

    @Test
    void verifierAcceptAll() {
        assertThat(responses.parseVerifier(200, read("hunter-email-verifier-accept-all.json")))
                .isEqualTo(new Verified("accept_all", 72));
    }

    @ParameterizedTest
    @ValueSource(strings = {"valid", "invalid", "accept_all", "webmail", "disposable", "unknown", "UNKNOWN"})
    void verifierReadsEveryDocumentedStatus(String status) {
        String body = "{\"data\":{\"status\":\"" + status + "\",\"result\":\"risky\",\"score\":40}}";

        assertThat(responses.parseVerifier(200, body)).isEqualTo(new Verified(status.toLowerCase(), 40));
    }

    @Test
    void verifierWithoutScoreScoresZero() {
        assertThat(responses.parseVerifier(200, "{\"data\":{\"status\":\"unknown\"}}"))
                .isEqualTo(new Verified("unknown", 0));
    }

    @Test
    void verifierStillVerifyingIsPending() {
        assertThat(responses.parseVerifier(202, "{\"data\":{\"status\":\"unknown\"}}"))
                .isEqualTo(new Pending());
        assertThat(responses.parseVerifier(202, "")).isEqualTo(new Pending());
    }

    @Test
    void verifierSmtpFailureIsRetriedLater() {
        RetryLater r = (RetryLater)
                responses.parseVerifier(
                        222,
                        "{\"data\":{\"status\":\"unknown\",\"email\":\"jo@x.com\"},\"meta\":{\"params\":{\"email\":\"jo@x.com\"}}}");

        assertThat(r.reason()).contains("SMTP check", "jo@x.com", "HTTP 222");
        assertThat(responses.parseVerifier(222, "{\"meta\":{\"params\":{\"email\":\"al@y.com\"}}}"))
                .isInstanceOf(RetryLater.class)
                .extracting(o -> ((RetryLater) o).reason())
                .asString()
                .contains("al@y.com");
        assertThat(responses.parseVerifier(222, null)).isInstanceOf(RetryLater.class);
    }

    @Test
    void verifierRateLimitAndServerErrorsAreRetriedLater() {
        assertThat(reason(responses.parseVerifier(403, read("hunter-error-403-rate-limit.json"))))
                .contains("rate limit", "the email verification", "too_many_requests");
        assertThat(responses.parseVerifier(500, read("hunter-error-500.json"))).isInstanceOf(RetryLater.class);
        assertThat(responses.parseVerifier(503, "")).isInstanceOf(RetryLater.class);
        assertThat(responses.parseVerifier(599, null)).isInstanceOf(RetryLater.class);
    }

    @Test
    void verifierSharesTheFailuresOfEveryCall() {
        assertThat(responses.parseVerifier(429, read("hunter-error-429-usage-limit.json")))
                .isInstanceOfSatisfying(
                        QuotaExhausted.class, q -> assertThat(q.restricted()).isFalse());
        assertThat(responses.parseVerifier(429, read("hunter-error-429-restricted-account.json")))
                .isInstanceOfSatisfying(
                        QuotaExhausted.class, q -> assertThat(q.restricted()).isTrue());
        assertThat(responses.parseVerifier(401, read("hunter-error-401-authentication-failed.json")))
                .isInstanceOf(Rejected.class);
        assertThat(responses.parseVerifier(451, read("domain-search-451.json"))).isInstanceOf(DoNotProcess.class);
        assertThat(reason(responses.parseVerifier(400, read("hunter-error-400-wrong-params.json"))))
                .contains("the email verification", "wrong_params");
    }

    @Test
    void aVerifierAnswerWithoutAKnownStatusFails() {
        assertThat(reason(responses.parseVerifier(200, "{\"data\":{\"result\":\"deliverable\",\"score\":90}}")))
                .contains("without data.status");
        assertThat(reason(responses.parseVerifier(200, "{\"data\":{\"status\":\"deliverable\"}}")))
                .contains("unknown status \"deliverable\"");
        assertThat(responses.parseVerifier(200, "not json")).isInstanceOf(Failed.class);
    }

    // ---- account ----

    @Test
    void readsTheResetDate() {
        assertThat(responses.parseResetDate(200, read("hunter-account.json"))).contains(LocalDate.of(2025, 12, 14));
    }

    @Test
    void aResetTimestampStillNamesItsDay() {
        assertThat(responses.parseResetDate(200, "{\"data\":{\"reset_date\":\"2026-01-03T00:00:00Z\"}}"))
                .contains(LocalDate.of(2026, 1, 3));
    }

    @Test
    void noResetDateWhenTheCallFailedOrTheDateIsUnreadable() {
        assertThat(responses.parseResetDate(401, read("hunter-error-401-authentication-failed.json")))
                .isEmpty();
        assertThat(responses.parseResetDate(200, "{\"data\":{\"plan_name\":\"Free\"}}"))
                .isEmpty();
        assertThat(responses.parseResetDate(200, "{\"data\":{\"reset_date\":null}}"))
                .isEmpty();
        assertThat(responses.parseResetDate(200, "{\"data\":{\"reset_date\":\"next month\"}}"))
                .isEmpty();
        assertThat(responses.parseResetDate(200, "<html>")).isEmpty();
        assertThat(responses.parseResetDate(200, null)).isEmpty();
    }

    // ---- redaction ----

    @Test
    void redactKeyHidesEveryApiKeyValue() {
        assertThat(HunterResponses.redactKey(
                        "https://api.hunter.io/v2/domain-search?domain=x.com&api_key=abc123&limit=10"))
                .isEqualTo("https://api.hunter.io/v2/domain-search?domain=x.com&api_key=****&limit=10");
        assertThat(HunterResponses.redactKey("GET /v2/account?api_key=abc123 failed; retry with API_KEY=def456."))
                .isEqualTo("GET /v2/account?api_key=**** failed; retry with API_KEY=****.");
        assertThat(HunterResponses.redactKey("(url \"https://h/v2/x?api_key=abc123\")"))
                .isEqualTo("(url \"https://h/v2/x?api_key=****\")");
        assertThat(HunterResponses.redactKey("next=%2Fv2%2Fx%3Fapi_key%3Dabc123"))
                .isEqualTo("next=%2Fv2%2Fx%3Fapi_key%3D****");
        assertThat(HunterResponses.redactKey("no key here")).isEqualTo("no key here");
        assertThat(HunterResponses.redactKey(null)).isNull();
    }

    private static String reason(Object outcome) {
        if (outcome instanceof Retry r) {
            return r.reason();
        }
        if (outcome instanceof RetryLater r) {
            return r.reason();
        }
        if (outcome instanceof Failed f) {
            return f.reason();
        }
        if (outcome instanceof Rejected r) {
            return r.reason();
        }
        if (outcome instanceof QuotaExhausted q) {
            return q.reason();
        }
        if (outcome instanceof DoNotProcess d) {
            return d.reason();
        }
        throw new AssertionError("no reason in " + outcome);
    }

    private static String error(String id, int code, String details) {
        return JSON.createObjectNode()
                .set(
                        "errors",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode()
                                        .put("id", id)
                                        .put("code", code)
                                        .put("details", details)))
                .toString();
    }

    private static String read(String name) {
        return Fixtures.read("hunter/" + name);
    }
}
