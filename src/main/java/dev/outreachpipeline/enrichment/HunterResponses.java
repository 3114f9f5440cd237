package dev.outreachpipeline.enrichment;

import static dev.outreachpipeline.providers.ProviderJson.bool;
import static dev.outreachpipeline.providers.ProviderJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outreachpipeline.enrichment.HunterOutcome.Failed;
import dev.outreachpipeline.enrichment.HunterOutcome.Found;
import dev.outreachpipeline.enrichment.HunterOutcome.Retry;
import dev.outreachpipeline.enrichment.VerifierOutcome.Pending;
import dev.outreachpipeline.enrichment.VerifierOutcome.RetryLater;
import dev.outreachpipeline.enrichment.VerifierOutcome.Verified;
import dev.outreachpipeline.providers.ProviderJson;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Hunter's answers (domain search, email verifier, account) into outcomes the routes act on.
 * Takes the HTTP status and body as received, with {@value HunterStatus#NO_ANSWER} for "no answer at
 * all"; never throws on a bad body.
 */
public final class HunterResponses {

    private static final String DOMAIN_SEARCH = "the domain search";
    private static final String VERIFIER = "the email verification";

    private static final int STILL_VERIFYING = 202;
    private static final int SMTP_CHECK_FAILED = 222;

    private static final Set<String> VERIFIER_STATUSES =
            Set.of("valid", "invalid", "accept_all", "webmail", "disposable", "unknown");

    /**
     * {@code api_key=…} in a query string, also URL-encoded ({@code api_key%3D…}). The value ends where a
     * query parameter, a quoted URL or a sentence would; a full stop right after it is the sentence's.
     */
    private static final Pattern API_KEY =
            Pattern.compile("(?i)(api_key(?:=|%3D))[^&\\s\"'<>#;,()]*[^&\\s\"'<>#;,().]");

    /**
     * The answer to {@code GET /v2/domain-search}. Only HTTP 200 with a {@code data} object holding an
     * {@code emails} array is an answer; an address without a textual {@code value} is left out, as
     * nothing could be done with it.
     */
    public HunterOutcome parseDomainSearch(int httpStatus, String body) {
        ProviderJson env = ProviderJson.read(body);
        if (httpStatus != 200) {
            return HunterStatus.failure(DOMAIN_SEARCH, httpStatus, env);
        }
        JsonNode data = env.object("data");
        if (data == null) {
            return new Failed("Hunter answered " + DOMAIN_SEARCH + " with HTTP 200, but without a data object ("
                    + (HunterError.in(env).isEmpty() ? env.snippet() : HunterStatus.said(200, HunterError.in(env), env))
                    + ").");
        }
        JsonNode emails = data.get("emails");
        if (emails == null || !emails.isArray()) {
            return new Failed("Hunter answered " + DOMAIN_SEARCH + " with HTTP 200, but without an emails list ("
                    + env.snippet() + ").");
        }
        var list = new ArrayList<HunterEmail>();
        for (JsonNode e : emails) {
            if (e.isObject() && text(e, "value") != null) {
                list.add(email(e));
            }
        }
        var search = new DomainSearch(
                text(data, "domain"),
                bool(data, "disposable"),
                bool(data, "webmail"),
                bool(data, "accept_all"),
                text(data, "pattern"),
                text(data, "organization"),
                list);
        return new Found(search, ProviderJson.json(data));
    }

    /**
     * The answer to {@code GET /v2/email-verifier}. HTTP 202 is {@link Pending}; 222 (the remote SMTP
     * check failed), 403, 408, 5xx and no answer are {@link RetryLater}; a 200 whose {@code data.status}
     * is missing or not one Hunter documents is {@link Failed}, since guessing a verdict could send mail
     * to a dead address.
     */
    public VerifierOutcome parseVerifier(int httpStatus, String body) {
        ProviderJson env = ProviderJson.read(body);
        if (httpStatus == STILL_VERIFYING) {
            return new Pending();
        }
        if (httpStatus == SMTP_CHECK_FAILED) {
            String email = verifiedEmail(env);
            return new RetryLater("Hunter could not complete the SMTP check" + (email == null ? "" : " for " + email)
                    + " (HTTP 222); verify again later.");
        }
        if (httpStatus != 200) {
            return forVerifier(HunterStatus.failure(VERIFIER, httpStatus, env));
        }
        JsonNode data = env.object("data");
        String status = text(data, "status");
        if (status == null) {
            return new Failed(
                    "Hunter answered " + VERIFIER + " with HTTP 200, but without data.status (" + env.snippet() + ").");
        }
        String normalised = status.strip().toLowerCase(Locale.ROOT);
        if (!VERIFIER_STATUSES.contains(normalised)) {
            return new Failed("Hunter answered " + VERIFIER + " with the unknown status \"" + status + "\".");
        }
        Integer score = ProviderJson.integer(data, "score");
        return new Verified(normalised, score == null ? 0 : clamp(score));
    }

    /**
     * The day the account's monthly quota resets, from {@code GET /v2/account} ({@code data.reset_date});
     * empty when the call failed or the date is missing or unreadable.
     */
    public Optional<LocalDate> parseResetDate(int httpStatus, String body) {
        if (httpStatus != 200) {
            return Optional.empty();
        }
        String date = text(ProviderJson.read(body).object("data"), "reset_date");
        if (date == null) {
            return Optional.empty();
        }
        String s = date.strip();
        try {
            // A timestamp (2025-12-14T00:00:00Z) still names its day.
            return Optional.of(LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code text} with every {@code api_key} value replaced by {@code ****}: the key travels in the
     * query string, so any URL, or error text that quotes one, may carry it.
     */
    public static String redactKey(String text) {
        return text == null ? null : API_KEY.matcher(text).replaceAll("$1****");
    }

    private static HunterEmail email(JsonNode e) {
        JsonNode sources = e.get("sources");
        return new HunterEmail(
                text(e, "value"),
                text(e, "type"),
                confidence(e),
                text(e, "first_name"),
                text(e, "last_name"),
                text(e, "position"),
                text(e, "seniority"),
                text(e, "department"),
                text(e.get("verification"), "status"),
                sources != null && sources.isArray() ? sources.size() : 0);
    }

    /** Hunter's field is {@code confidence}; some clients and old docs say {@code confidence_score}, which Hunter never sends. */
    private static int confidence(JsonNode e) {
        JsonNode v = e.get("confidence");
        return v != null && v.isNumber() ? clamp(v.intValue()) : 0;
    }

    private static int clamp(int percent) {
        return Math.max(0, Math.min(100, percent));
    }

    /** The address the answer is about: {@code data.email}, else {@code meta.params.email}. */
    private static String verifiedEmail(ProviderJson env) {
        String email = text(env.object("data"), "email");
        return email != null ? email : text(env.at("meta", "params"), "email");
    }

    /** The verifier shares every failure with the domain search except the retry, which it calls RetryLater. */
    private static VerifierOutcome forVerifier(HunterOutcome failure) {
        if (failure instanceof Retry r) {
            return new RetryLater(r.reason());
        }
        if (failure instanceof VerifierOutcome shared) {
            return shared;
        }
        throw new IllegalStateException("Not a failure: " + failure);
    }
}
