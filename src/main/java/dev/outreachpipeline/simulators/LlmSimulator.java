package dev.outreachpipeline.simulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat-completions endpoint ({@code POST /chat/completions}, also under
 * {@code /v1}), simulated. It reads the facts from the request's user message (the
 * {@code <fact name="…">} elements the LLM writer sends) and answers deterministically by the fact
 * {@code domain}: a good draft grounded in those facts, or, for chosen domains, a hostile answer
 * of the kind a real model gives now and then. A domain whose first label starts with the name of a
 * {@link Hostile} kind ({@code llm-invent.example}) always gets that one; with {@code mixHostile}
 * (the sandbox) some other domains, chosen by a hash of the domain, get one kind after another.
 * A {@code Bearer} token must be present (any value), else 401 as OpenAI answers. The answer
 * reports {@code usage} with prompt and completion tokens (a quarter of the characters) and a
 * {@code cost}, as OpenRouter does.
 */
public final class LlmSimulator extends SimulatedServer {

    public static final String PATH = "/chat/completions";

    /** The hostile answers, each named by the domain prefix that asks for it. */
    public enum Hostile {
        /** names a fact it was not given ("award-winning since 1998") */
        INVENT("llm-invent"),
        /** leaves a placeholder in the body ("[Name]") */
        PLACEHOLDER("llm-placeholder"),
        /** a subject with CR/LF and a header after it */
        HEADER("llm-header"),
        /** a URL that is neither the page nor the target site */
        LINK("llm-link"),
        /** content that is not JSON */
        MALFORMED("llm-malformed"),
        /** {"no_signal": true, …} */
        NO_SIGNAL("llm-nosignal"),
        /** answers only after the slow delay (beyond the client's timeout) */
        SLOW("llm-slow");

        private final String prefix;

        Hostile(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /** One call in this many gets a hostile answer with {@code mixHostile}. */
    static final int MIX_EVERY = 4;

    private static final Pattern FACT = Pattern.compile("<fact name=\"([A-Za-z]+)\">(.*?)</fact>", Pattern.DOTALL);

    private final Duration slow;
    private final boolean mixHostile;
    private final AtomicLong ids = new AtomicLong();

    /**
     * @param slow       how long a {@link Hostile#SLOW} answer takes
     * @param mixHostile also give hostile answers to some ordinary domains (by hash), as the sandbox shows them
     */
    public LlmSimulator(SimulatorSettings settings, Duration slow, boolean mixHostile) {
        super("llm-simulator", settings);
        this.slow = slow;
        this.mixHostile = mixHostile;
    }

    /** The hostile answer a domain gets, or null for a good one. */
    public Hostile hostileFor(String domain) {
        String d = domain == null ? "" : domain.toLowerCase(Locale.ROOT);
        for (Hostile h : Hostile.values()) {
            if (d.startsWith(h.prefix())) {
                return h;
            }
        }
        if (mixHostile) {
            int hash = Math.floorMod(d.hashCode(), MIX_EVERY * Hostile.values().length);
            // SLOW is left out of the mix: it would only make the sandbox wait
            if (hash % MIX_EVERY == 0 && hash / MIX_EVERY < Hostile.values().length - 1) {
                return Hostile.values()[hash / MIX_EVERY];
            }
        }
        return null;
    }

    @Override
    String endpoint(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.equals(PATH) || p.equals("/v1" + PATH) ? PATH : null;
    }

    @Override
    boolean authorized(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        return auth != null && auth.startsWith("Bearer ") && auth.length() > "Bearer ".length();
    }

    @Override
    Answer unauthorized() {
        return new Answer(
                401,
                error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"),
                Call.Outcome.UNAUTHORIZED);
    }

    @Override
    Answer notFound(String path) {
        return new Answer(
                404, error("Unknown request URL", "invalid_request_error", "unknown_url"), Call.Outcome.REJECTED);
    }

    @Override
    Answer rateLimited() {
        return new Answer(
                429, error("Rate limit reached.", "requests", "rate_limit_exceeded"), Call.Outcome.RATE_LIMITED);
    }

    @Override
    Answer simulatedError(double pick) {
        return pick < 0.5
                ? new Answer(
                        429,
                        error("Rate limit reached.", "requests", "rate_limit_exceeded"),
                        Call.Outcome.SIMULATED_ERROR)
                : new Answer(
                        503, error("The server is overloaded.", "server_error", null), Call.Outcome.SIMULATED_ERROR);
    }

    @Override
    Answer answer(String endpoint, HttpExchange exchange, String requestBody) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return new Answer(405, error("Use POST", "invalid_request_error", null), Call.Outcome.REJECTED);
        }
        JsonNode request = JSON.readTree(requestBody);
        String model = request.path("model").asText("");
        if (model.isBlank() || !request.path("messages").isArray()) {
            return new Answer(
                    400,
                    error("model and messages are required", "invalid_request_error", null),
                    Call.Outcome.REJECTED);
        }
        String user = "";
        for (JsonNode m : request.path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                user = m.path("content").asText("");
            }
        }
        Map<String, String> facts = facts(user);
        String domain = facts.getOrDefault("domain", "");
        subject(domain);
        Hostile hostile = hostileFor(domain);
        if (hostile == Hostile.SLOW) {
            try {
                Thread.sleep(slow.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String content = content(facts, hostile);
        return new Answer(200, completion(model, content, requestBody.length()), Call.Outcome.OK);
    }

    /** The facts of a user message, by name (angle-bracket look-alikes as the writer sent them). */
    static Map<String, String> facts(String userMessage) {
        var facts = new LinkedHashMap<String, String>();
        Matcher m = FACT.matcher(userMessage);
        while (m.find()) {
            facts.put(m.group(1), m.group(2));
        }
        return facts;
    }

    /** The message content: a good draft of the facts, or the hostile answer. */
    static String content(Map<String, String> facts, Hostile hostile) {
        if (hostile == Hostile.MALFORMED) {
            return "{\"subject\": \"A quick question\", \"body\": \"Hi there,";
        }
        if (hostile == Hostile.NO_SIGNAL) {
            return write(
                    JSON.createObjectNode().put("no_signal", true).put("reason", "the facts say nothing specific"));
        }
        String topic = facts.getOrDefault("pageTitle", facts.getOrDefault("keyword", facts.getOrDefault("domain", "")));
        String name = facts.get("firstName");
        String ours = facts.getOrDefault("targetDomain", "our site");
        var used = new ArrayList<String>();
        used.add(topic);
        if (name != null) {
            used.add(name);
        }
        if (facts.containsKey("targetDomain")) {
            used.add(ours);
        }
        String subject = "Your page \"" + shortened(topic, 50) + "\"";
        String keyword = facts.get("keyword");
        if (keyword != null && !keyword.equals(topic)) {
            used.add(keyword);
        }
        String body = (name == null ? "Hi there," : "Hi " + name + ",")
                + "\n\nI was reading \"" + topic + "\"" + (keyword == null ? "" : " while looking into " + keyword)
                + ".\n\n"
                + "I write for " + ours + ", and I think a short guest article that builds on your page would be"
                + " useful to your readers. Would you be open to it? I can send two or three topic ideas first.\n\nBest,";
        switch (hostile == null ? "" : hostile.name()) {
            case "INVENT" -> used.add("award-winning since 1998");
            case "PLACEHOLDER" -> body = body.replace(name == null ? "Hi there," : "Hi " + name + ",", "Hi [Name],");
            case "HEADER" -> subject = subject + "\r\nBcc: list@spam.example";
            case "LINK" -> body = body.replace("\n\nBest,", " Here is an example: https://spam.example/offer\n\nBest,");
            default -> {}
        }
        ObjectNode answer = JSON.createObjectNode().put("subject", subject).put("body", body);
        var array = answer.putArray("facts_used");
        used.forEach(array::add);
        return write(answer);
    }

    private String completion(String model, String content, int requestChars) {
        ObjectNode root = JSON.createObjectNode()
                .put("id", "chatcmpl-sim-" + ids.incrementAndGet())
                .put("object", "chat.completion")
                .put("created", System.currentTimeMillis() / 1000)
                .put("model", model);
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        int in = requestChars / 4;
        int out = content.length() / 4;
        root.putObject("usage")
                .put("prompt_tokens", in)
                .put("completion_tokens", out)
                .put("total_tokens", in + out)
                // one dollar per million tokens, whatever the model: enough to show the accounting
                .put("cost", new java.math.BigDecimal(in + out).movePointLeft(6));
        return write(root);
    }

    private static String shortened(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max).strip() + "…";
    }

    private static String error(String message, String type, String code) {
        ObjectNode e = JSON.createObjectNode();
        ObjectNode inner = e.putObject("error").put("message", message).put("type", type);
        if (code == null) {
            inner.putNull("code");
        } else {
            inner.put("code", code);
        }
        return write(e);
    }

    /** The kinds of hostile answers, for messages. */
    public static List<Hostile> kinds() {
        return List.of(Hostile.values());
    }
}
