package dev.outreachpipeline.simulators;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Hunter.io's API v2, simulated: {@code /v2/domain-search}, {@code /v2/email-verifier} and
 * {@code /v2/account}, in Hunter's documented shapes, with the people of {@link FakeContacts}.
 * The {@code api_key} query parameter must be present (any value); without it the answer is 401
 * {@code authentication_failed}. Simulated errors are 403 (rate limit) or 500; over the rate limit
 * the answer is 403 {@code too_many_requests}, as Hunter's.
 */
public final class HunterSimulator extends SimulatedServer {

    public static final String DOMAIN_SEARCH = "/v2/domain-search";
    public static final String EMAIL_VERIFIER = "/v2/email-verifier";
    public static final String ACCOUNT = "/v2/account";

    public HunterSimulator(SimulatorSettings settings) {
        super("hunter-simulator", settings);
    }

    /** Distinct domains searched. */
    public int uniqueDomains() {
        return calls().uniqueSubjects();
    }

    @Override
    String endpoint(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.equals(DOMAIN_SEARCH) || p.equals(EMAIL_VERIFIER) || p.equals(ACCOUNT) ? p : null;
    }

    @Override
    boolean authorized(HttpExchange exchange) {
        String key = query(exchange).get("api_key");
        return key != null && !key.isBlank();
    }

    @Override
    Answer unauthorized() {
        return new Answer(
                401,
                errors("authentication_failed", 401, "No user found for the API key supplied"),
                Call.Outcome.UNAUTHORIZED);
    }

    @Override
    Answer notFound(String path) {
        return new Answer(404, errors("not_found", 404, "The requested route does not exist"), Call.Outcome.REJECTED);
    }

    @Override
    Answer rateLimited() {
        return new Answer(
                403, errors("too_many_requests", 403, "You have reached the rate limit."), Call.Outcome.RATE_LIMITED);
    }

    @Override
    Answer simulatedError(double pick) {
        return pick < 0.5
                ? new Answer(
                        403,
                        errors("too_many_requests", 403, "You have reached the rate limit."),
                        Call.Outcome.SIMULATED_ERROR)
                : new Answer(
                        500,
                        errors(
                                "internal_server_error",
                                500,
                                "Something went wrong on our side. Please try again later."),
                        Call.Outcome.SIMULATED_ERROR);
    }

    @Override
    Answer answer(String endpoint, HttpExchange exchange, String body) {
        if (!"GET".equals(exchange.getRequestMethod())) {
            return new Answer(
                    405, errors("method_not_allowed", 405, "Use GET for this endpoint"), Call.Outcome.REJECTED);
        }
        Map<String, String> query = query(exchange);
        return switch (endpoint) {
            case DOMAIN_SEARCH -> domainSearch(query.get("domain"), query.getOrDefault("limit", "10"));
            case EMAIL_VERIFIER -> verify(query.get("email"));
            default -> account();
        };
    }

    private Answer domainSearch(String domain, String limitText) {
        if (domain == null || domain.isBlank() || !domain.contains(".")) {
            return wrongParams("You are missing the domain or company parameter");
        }
        int limit;
        try {
            limit = Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            return wrongParams("limit must be a number");
        }
        String d = domain.strip().toLowerCase(java.util.Locale.ROOT);
        subject(d);
        ObjectNode data = JSON.createObjectNode();
        data.put("domain", d);
        data.put("disposable", false);
        data.put("webmail", false);
        data.put("accept_all", FakeContacts.acceptAll(d));
        var contacts = FakeContacts.at(d);
        if (contacts.isEmpty()) {
            data.putNull("pattern");
            data.putNull("organization");
        } else {
            data.put("pattern", "{first}.{last}");
            data.put("organization", FakeWeb.title(d));
        }
        data.putNull("description");
        data.putNull("industry");
        data.putNull("twitter");
        data.putNull("linkedin");
        data.putNull("country");
        data.putNull("state");
        data.putNull("city");
        data.putNull("headcount");
        data.putNull("company_type");
        ArrayNode emails = data.putArray("emails");
        contacts.stream().limit(Math.max(0, limit)).forEach(c -> {
            ObjectNode e = emails.addObject();
            e.put("value", c.email());
            e.put("type", c.type());
            e.put("confidence", c.confidence());
            ObjectNode source = e.putArray("sources").addObject();
            source.put("domain", d);
            source.put("uri", "https://" + d + ("personal".equals(c.type()) ? "/about" : "/contact"));
            source.put("extracted_on", "2025-03-02");
            source.put("last_seen_on", "2025-11-18");
            source.put("still_on_page", true);
            e.put("first_name", c.first());
            e.put("last_name", c.last());
            e.put("position", c.position());
            e.put("seniority", c.seniority());
            e.put("department", c.department());
            e.putNull("linkedin");
            e.putNull("twitter");
            e.putNull("phone_number");
            ObjectNode verification = e.putObject("verification");
            if (c.verification() == null) {
                verification.putNull("date");
                verification.putNull("status");
            } else {
                verification.put("date", "2025-11-18");
                verification.put("status", c.verification());
            }
        });
        ObjectNode env = JSON.createObjectNode();
        env.set("data", data);
        ObjectNode meta = env.putObject("meta");
        meta.put("results", contacts.size());
        meta.put("limit", limit);
        meta.put("offset", 0);
        ObjectNode params = meta.putObject("params");
        params.put("domain", d);
        params.putNull("company");
        params.putNull("type");
        params.putNull("seniority");
        params.putNull("department");
        return new Answer(200, write(env), Call.Outcome.OK);
    }

    private Answer verify(String email) {
        if (email == null || email.isBlank() || email.indexOf('@') <= 0) {
            return wrongParams("You are missing the email parameter");
        }
        String e = email.strip().toLowerCase(java.util.Locale.ROOT);
        String domain = e.substring(e.indexOf('@') + 1);
        subject(domain);
        String status = FakeContacts.verification(e);
        ObjectNode data = JSON.createObjectNode();
        data.put("status", status);
        data.put(
                "result",
                switch (status) {
                    case "valid" -> "deliverable";
                    case "accept_all" -> "risky";
                    default -> "unknown";
                });
        data.put(
                "score",
                switch (status) {
                    case "valid" -> 96;
                    case "accept_all" -> 72;
                    default -> 40;
                });
        data.put("email", e);
        data.put("regexp", true);
        data.put("gibberish", false);
        data.put("disposable", false);
        data.put("webmail", false);
        data.put("mx_records", true);
        data.put("smtp_server", true);
        data.put("smtp_check", !"unknown".equals(status));
        data.put("accept_all", "accept_all".equals(status));
        data.put("block", false);
        ObjectNode source = data.putArray("sources").addObject();
        source.put("domain", domain);
        source.put("uri", "https://" + domain + "/contact");
        source.put("extracted_on", "2025-03-02");
        source.put("last_seen_on", "2025-11-18");
        source.put("still_on_page", true);
        ObjectNode env = JSON.createObjectNode();
        env.set("data", data);
        env.putObject("meta").putObject("params").put("email", e);
        return new Answer(200, write(env), Call.Outcome.OK);
    }

    private Answer account() {
        LocalDate reset = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        ObjectNode data = JSON.createObjectNode();
        data.put("first_name", "Sandbox");
        data.put("last_name", "User");
        data.put("email", "sandbox@outreach.example");
        data.put("plan_name", "Starter");
        data.put("plan_level", 1);
        data.put("reset_date", reset.toString());
        data.put("team_id", 1);
        ObjectNode callCounts = data.putObject("calls");
        callCounts.put("used", calls().total());
        callCounts.put("available", 100_000);
        ObjectNode requests = data.putObject("requests");
        for (String kind : new String[] {"searches", "verifications", "credits"}) {
            ObjectNode r = requests.putObject(kind);
            r.put("used", 0);
            r.put("available", 100_000);
        }
        ObjectNode env = JSON.createObjectNode();
        env.set("data", data);
        return new Answer(200, write(env), Call.Outcome.OK);
    }

    private static Answer wrongParams(String details) {
        return new Answer(400, errors("wrong_params", 400, details), Call.Outcome.REJECTED);
    }

    private static String errors(String id, int code, String details) {
        ObjectNode env = JSON.createObjectNode();
        ObjectNode e = env.putArray("errors").addObject();
        e.put("id", id);
        e.put("code", code);
        e.put("details", details);
        return write(env);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        var params = new HashMap<String, String>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.putIfAbsent(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException ignored) {
                // a malformed %-sequence: the parameter is left out, as a server would not read it either
            }
        }
        return params;
    }
}
