package dev.outreachpipeline.enrichment;

import dev.outreachpipeline.enrichment.HunterOutcome.DoNotProcess;
import dev.outreachpipeline.enrichment.HunterOutcome.Failed;
import dev.outreachpipeline.enrichment.HunterOutcome.QuotaExhausted;
import dev.outreachpipeline.enrichment.HunterOutcome.Rejected;
import dev.outreachpipeline.enrichment.HunterOutcome.Retry;
import dev.outreachpipeline.providers.ProviderJson;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Hunter's HTTP statuses turned into what to do next (providers.md). Unlike DataForSEO, Hunter speaks
 * through the HTTP status; the {@code errors} array only names the case (its {@code id}) and explains it
 * ({@code details}), and only decides between the two kinds of 429.
 */
final class HunterStatus {

    /** What the caller passes as the status when no HTTP answer came at all (connection failed, timed out). */
    static final int NO_ANSWER = 599;

    private static final String RESTRICTED_ACCOUNT = "restricted_account";
    private static final String PAGINATION_ERROR = "pagination_error";

    private HunterStatus() {}

    /** The outcome of an answer that is not the call's success; {@code call} names the call ("the domain search"). */
    static HunterOutcome failure(String call, int http, ProviderJson env) {
        if (http == NO_ANSWER) {
            return new Retry("Hunter did not answer " + call + " (no response: the connection failed or timed out).");
        }
        List<HunterError> errors = HunterError.in(env);
        String said = said(http, errors, env);
        if (http == 401) {
            return new Rejected(
                    "Hunter rejected the API key " + said
                            + ". Check the Hunter API key in the configuration; no prospect can be enriched until it is fixed.");
        }
        if (http == 403) {
            return new Retry(
                    "Hunter's rate limit was reached during " + call + " " + said + "; slow down and try again.");
        }
        if (http == 429) {
            if (errors.stream().anyMatch(e -> RESTRICTED_ACCOUNT.equals(e.id()))) {
                return new QuotaExhausted(
                        "Hunter has restricted the account " + said
                                + ". Retrying does not help: log in to Hunter to see why.",
                        true);
            }
            return new QuotaExhausted(
                    "Hunter's quota for the billing period is spent " + said
                            + ". Retrying does not help before the quota resets.",
                    false);
        }
        if (http == 451) {
            return new DoNotProcess("Hunter may not process this data: the person behind it asked not to be processed "
                    + said + ". Record it and never ask Hunter about them again.");
        }
        if (http == 408 || http >= 500) {
            return new Retry("Hunter could not answer " + call + " just now " + said + ".");
        }
        if (http == 400) {
            boolean pagination = errors.stream().anyMatch(e -> PAGINATION_ERROR.equals(e.id()));
            return new Failed("Hunter refused " + call + " as invalid " + said
                    + (pagination ? ": the limit asked for is above what the Hunter plan allows." : "."));
        }
        if (http == 404 || (http >= 300 && http < 400)) {
            return new Failed("Hunter has no such endpoint for " + call + " " + said
                    + ": check the configured Hunter base URL (https://api.hunter.io/v2/).");
        }
        if (http >= 400) {
            return new Failed("Hunter refused " + call + " " + said + ".");
        }
        return new Failed("Hunter answered " + call + " with an unexpected " + said + ".");
    }

    /** "(HTTP 429, too_many_requests: You've reached …)", or the start of the body when it names no error. */
    static String said(int http, List<HunterError> errors, ProviderJson env) {
        String what = errors.isEmpty()
                ? env.snippet()
                : errors.stream().map(HunterStatus::describe).collect(Collectors.joining("; "));
        return "(HTTP " + http + ", " + what + ")";
    }

    private static String describe(HunterError e) {
        String name = e.id() != null ? e.id() : e.code() != null ? "code " + e.code() : "error";
        String details = e.details() == null || e.details().isBlank()
                ? null
                : e.details().strip();
        return details == null ? name : name + ": " + details;
    }
}
