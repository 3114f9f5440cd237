package dev.outreachpipeline.discovery;

import dev.outreachpipeline.discovery.SerpOutcome.FailJob;
import dev.outreachpipeline.discovery.SerpOutcome.FailQuery;
import dev.outreachpipeline.discovery.SerpOutcome.Retry;
import dev.outreachpipeline.providers.ProviderJson;

/**
 * DataForSEO's HTTP and status codes turned into what to do next (providers.md): retry, fail the
 * query, or fail the job. HTTP is 200 for almost everything, so the status codes decide; HTTP itself
 * only speaks for 401, 402, 404 and server errors.
 */
final class SerpStatus {

    static final int OK = 20000;
    static final int TASK_CREATED = 20100;
    /** A task status, yet an answer: the search engine found nothing. */
    static final int NO_SEARCH_RESULTS = 40102;

    private static final int BAD_CREDENTIALS = 40100;
    private static final int RATE_LIMIT = 40202;

    private SerpStatus() {}

    /**
     * Why the request as a whole failed, or null when it was accepted (HTTP 200, top-level 20000 and a
     * {@code tasks} array). The top level wins: a task's status is only looked at once this is null.
     */
    static SerpOutcome requestFailure(String call, int http, ProviderJson env) {
        if (http != 200) {
            return httpFailure(call, http, env);
        }
        if (!env.isObject()) {
            return new FailQuery("DataForSEO answered " + call + " with HTTP 200, but not with a JSON object ("
                    + env.snippet() + ").");
        }
        Integer code = env.integer("status_code");
        if (code == null) {
            return new FailQuery("DataForSEO answered " + call + " with HTTP 200, but the answer has no status_code ("
                    + env.snippet() + ").");
        }
        if (code != OK) {
            return classify(call, call, 200, code, env.text("status_message"));
        }
        if (env.array("tasks") == null) {
            return new FailQuery("DataForSEO answered " + call + " with status 20000, but the answer has no tasks ("
                    + env.snippet() + ").");
        }
        return null;
    }

    /** The outcome of a task whose status is neither success nor 40102 (which callers turn into an empty SERP). */
    static SerpOutcome taskFailure(String call, String taskId, String keyword, int code, String message) {
        String subject = taskId == null ? "the task of " + call : "task " + taskId;
        if (keyword != null) {
            subject += " for \"" + keyword + "\"";
        }
        return classify(call, subject, 200, code, message);
    }

    private static SerpOutcome httpFailure(String call, int http, ProviderJson env) {
        Integer code = env.isObject() ? env.integer("status_code") : null;
        String message = env.isObject() ? env.text("status_message") : null;
        String said = said(http, code, message, env);
        if (http == 401) {
            return badCredentials(said);
        }
        if (http == 402) {
            return account(call, said);
        }
        if (http == 404) {
            return new FailJob("DataForSEO has no such endpoint for " + call + " " + said
                    + ": the configured base URL or the request path is wrong.");
        }
        if (http >= 500 || http == 408 || http == 429) {
            return new Retry("DataForSEO could not answer " + call + " just now " + said + ".");
        }
        if (code != null && code != OK) {
            return classify(call, call, http, code, message);
        }
        if (http == 403 || (http >= 300 && http < 400)) {
            return new FailJob("DataForSEO refused or redirected " + call + " " + said
                    + ": check the configured base URL (https://api.dataforseo.com) and the account's allowed IPs.");
        }
        return new FailQuery("DataForSEO answered " + call + " with an unexpected " + said + ".");
    }

    private static SerpOutcome classify(String call, String subject, int http, int code, String message) {
        String said = said(http, code, message, null);
        if (code == BAD_CREDENTIALS) {
            return badCredentials(said);
        }
        if (code == RATE_LIMIT) {
            return new Retry("DataForSEO's per-minute rate limit was exceeded " + said + ".");
        }
        if (code / 100 == 402) {
            return account(call, said);
        }
        if (code / 100 == 401) {
            return new Retry("The search engine failed to answer " + subject + " on DataForSEO's side " + said + ".");
        }
        if (code == 40601 || code == 40602) {
            return new Retry(capitalised(subject) + " is not ready yet " + said + "; collect it later.");
        }
        if (code / 100 == 405) {
            return new FailQuery("DataForSEO rejected the input of " + subject + " " + said + ".");
        }
        if (code / 10000 == 5) {
            return new Retry("DataForSEO had an internal error with " + subject + " " + said + ".");
        }
        if (code / 10000 == 4) {
            return new FailQuery("DataForSEO refused " + subject + " " + said + ".");
        }
        return new FailQuery("DataForSEO answered " + subject + " with an unexpected status " + said + ".");
    }

    private static FailJob badCredentials(String said) {
        return new FailJob(
                "DataForSEO rejected the login/password " + said
                        + ". Check the DataForSEO login and password in the configuration (API credentials, not the website password).");
    }

    private static FailJob account(String call, String said) {
        return new FailJob("DataForSEO refused " + call + " for account reasons (balance, blocked account, cost limit,"
                + " plan or IP) " + said + ". Check the account at https://app.dataforseo.com.");
    }

    /** "(HTTP 401, status 40100: You are not authorized …)" — only the parts that are known. */
    private static String said(int http, Integer code, String message, ProviderJson unreadable) {
        var sb = new StringBuilder("(");
        if (http != 200) {
            sb.append("HTTP ").append(http);
        }
        if (code != null) {
            sb.append(sb.length() > 1 ? ", " : "").append("status ").append(code);
        }
        if (message != null && !message.isBlank()) {
            sb.append(sb.length() > 1 ? ": " : "").append(message.strip());
        } else if (code == null && unreadable != null && !unreadable.isObject()) {
            sb.append(", ").append(unreadable.snippet());
        }
        return sb.append(')').toString();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
