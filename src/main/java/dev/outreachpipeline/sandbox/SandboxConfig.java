package dev.outreachpipeline.sandbox;

import dev.outreachpipeline.config.ConfigSchema;
import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.config.Setting;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox's configuration: the user's (defaults, file, environment), with everything that could
 * reach the outside world replaced — provider base URLs and credentials, the SMTP server, the IMAP
 * mailbox, the database, the console's token — and the pipeline tuned to run end to end in about a minute. The
 * replacements go in as environment variables, under every name a setting answers to, so they win
 * over the user's file and environment through the normal loading and checking.
 */
public final class SandboxConfig {

    /** Where the sandbox's embedded PostgreSQL keeps its data, relative to the working directory. */
    public static final String DATA_DIR = "data/sandbox/postgres";
    /** Where the messages the mail sink received are written, relative to the working directory. */
    public static final String MAIL_DIR = "data/sandbox/mail";

    public static final String MAIL_FROM = "outreach@sandbox.example";
    public static final String SENDER_NAME = "Sandbox Sender";
    public static final String POSTAL_ADDRESS = "1 Sandbox Street, 00000 Nowhere (a sandbox address)";
    /**
     * The shortest follow-up steps the configuration accepts (a follow-up sooner than an hour after the
     * first message is refused); the sandbox makes them fall due at once by moving its own send times
     * back (see {@link FollowupClock}), so the run does not wait for them.
     */
    public static final String FOLLOWUP_STEPS = "1h,2h";

    /** The local stand-ins the sandbox talks to. */
    public record Endpoints(String dataForSeoBaseUrl, String hunterBaseUrl, String smtpHost, int smtpPort) {}

    private static final String FURTHER_MAILBOX_ENV_PREFIX = "OUTREACH_MAILBOX_";

    private SandboxConfig() {}

    /**
     * @param adminToken the console's token the sandbox made up for this run, or empty to keep the user's
     *                   OUTREACH_ADMIN_TOKEN (see {@link SandboxConsole})
     */
    public static OutreachConfig load(
            Path configFile,
            Map<String, String> userEnv,
            Path workDir,
            Endpoints endpoints,
            java.util.Optional<String> adminToken) {
        return load(configFile, userEnv, workDir, endpoints, adminToken, java.util.Optional.empty());
    }

    /** @param llmBaseUrl the simulated LLM endpoint when drafts are written by it ({@code sandbox --writer llm}) */
    public static OutreachConfig load(
            Path configFile,
            Map<String, String> userEnv,
            Path workDir,
            Endpoints endpoints,
            java.util.Optional<String> adminToken,
            java.util.Optional<String> llmBaseUrl) {
        var env = new HashMap<>(userEnv);
        // the user's further mailboxes are real ones: the sandbox lists only its own, so their
        // settings would be refused as settings of an unlisted mailbox; they play no part here
        env.keySet().removeIf(name -> name.startsWith(FURTHER_MAILBOX_ENV_PREFIX));
        var overrides = overrides(workDir, endpoints);
        adminToken.ifPresent(token -> overrides.put(SandboxConsole.TOKEN_SETTING, token));
        overrides.putAll(llmWriter(llmBaseUrl));
        overrides.forEach((key, value) -> {
            Setting setting = ConfigSchema.find(key)
                    .orElseThrow(() -> new IllegalStateException("the sandbox overrides an unknown setting " + key));
            setting.envNames().forEach(name -> env.put(name, value));
        });
        return OutreachConfig.load(configFile, env, workDir);
    }

    /**
     * The LLM writer's settings: the simulator with a made-up key when it is asked for, else the
     * template writer whatever the user's configuration says (the sandbox never calls a real LLM).
     */
    static Map<String, String> llmWriter(java.util.Optional<String> llmBaseUrl) {
        var o = new LinkedHashMap<String, String>();
        o.put("outreach.drafts.writer", llmBaseUrl.isPresent() ? "llm" : "template");
        o.put("outreach.llm.base-url", llmBaseUrl.orElse(""));
        o.put("outreach.llm.model", llmBaseUrl.isPresent() ? "sandbox-model" : "");
        o.put("outreach.llm.api-key", llmBaseUrl.isPresent() ? "sandbox-llm-key" : "");
        o.put("outreach.llm.requests-per-minute", "60000");
        o.put("outreach.llm.tokens-per-minute", "100000000");
        o.put("outreach.llm.timeout-seconds", "5");
        o.put("outreach.llm.max-retries", "8");
        o.put("outreach.llm.retry-delay-ms", "200");
        o.put("outreach.llm.max-retry-delay-ms", "1000");
        return o;
    }

    /** Setting → sandbox value. */
    static Map<String, String> overrides(Path workDir, Endpoints endpoints) {
        var o = new LinkedHashMap<String, String>();
        // the database: the sandbox's own embedded server, never DATABASE_URL
        o.put("outreach.database.url", "");
        o.put("outreach.database.schema", "public");
        o.put(
                "outreach.embedded.data-dir",
                workDir.resolve(DATA_DIR).toAbsolutePath().normalize().toString());
        o.put("outreach.embedded.port", "0");
        // providers: the simulators, with made-up credentials
        o.put("outreach.dataforseo.base-url", endpoints.dataForSeoBaseUrl());
        o.put("outreach.dataforseo.login", "sandbox");
        o.put("outreach.dataforseo.password", "sandbox-password");
        o.put("outreach.dataforseo.retry-delay-ms", "200");
        o.put("outreach.dataforseo.max-retry-delay-ms", "1000");
        o.put("outreach.dataforseo.max-retries", "8");
        o.put("outreach.dataforseo.timeout-seconds", "10");
        o.put("outreach.dataforseo.poll-seconds", "1");
        o.put("outreach.hunter.base-url", endpoints.hunterBaseUrl());
        o.put("outreach.hunter.api-key", "sandbox-api-key");
        o.put("outreach.hunter.retry-delay-ms", "200");
        o.put("outreach.hunter.max-retry-delay-ms", "1000");
        o.put("outreach.hunter.max-retries", "8");
        o.put("outreach.hunter.timeout-seconds", "10");
        // mail: the sink on loopback, no authentication, no mailbox to read
        o.put("outreach.smtp.host", endpoints.smtpHost());
        o.put("outreach.smtp.port", String.valueOf(endpoints.smtpPort()));
        o.put("outreach.smtp.security", "none");
        o.put("outreach.smtp.username", "");
        o.put("outreach.smtp.password", "");
        o.put("outreach.smtp.timeout-seconds", "10");
        o.put("outreach.imap.host", "");
        o.put("outreach.imap.username", "");
        o.put("outreach.imap.password", "");
        // a second mailbox for the second campaign, on the same sink under another From address
        String second = "outreach.mailbox." + SandboxCampaigns.SECOND_MAILBOX + ".";
        o.put("outreach.mailboxes", SandboxCampaigns.SECOND_MAILBOX);
        o.put(second + "from", SandboxCampaigns.SECOND_MAILBOX_FROM);
        o.put(second + "from-name", SandboxCampaigns.SECOND_MAILBOX_NAME);
        o.put(second + "smtp.host", endpoints.smtpHost());
        o.put(second + "smtp.port", String.valueOf(endpoints.smtpPort()));
        o.put(second + "smtp.security", "none");
        o.put(second + "smtp.username", "");
        o.put(second + "imap.host", "");
        o.put("outreach.mail.from", MAIL_FROM);
        o.put("outreach.mail.from-name", SENDER_NAME);
        o.put("outreach.sender.name", SENDER_NAME);
        // first messages with both parts, the HTML one made from the same text, as a user who turns it on gets
        o.put("outreach.drafts.html", "true");
        o.put("outreach.mail.postal-address", POSTAL_ADDRESS);
        o.put("outreach.unsubscribe.secret", "sandbox-unsubscribe-secret-not-for-real-mail-0123456789");
        o.put("outreach.unsubscribe.mailto", "");
        // the daemon's own HTTP endpoint: loopback, any free port; links name a host that cannot exist
        o.put("outreach.http.bind", "127.0.0.1");
        o.put("outreach.http.port", "0");
        o.put("outreach.http.public-base-url", "https://unsubscribe.sandbox.example");
        // health, metrics and the console: loopback, any free port, so a running daemon's port is never in the way
        o.put("outreach.management.bind", "127.0.0.1");
        o.put("outreach.management.port", "0");
        // the pipeline end to end, at once
        o.put("outreach.discovery.chain-enrich", "true");
        o.put("outreach.enrichment.chain-draft", "true");
        // drafts wait for approval, as in a real run: the sandbox approves its own (SandboxRun), and what is
        // discovered later from a kept console waits in the review queue
        o.put("outreach.send.require-approval", "true");
        o.put("outreach.send.window", "always");
        o.put("outreach.send.daily-cap", "10000");
        o.put("outreach.send.hourly-cap", "10000");
        o.put("outreach.send.spacing", "0s");
        o.put("outreach.send.spacing-jitter", "0s");
        o.put("outreach.send.skip-countries", "");
        o.put("outreach.send.retry-delay", "1s");
        o.put("outreach.followup.steps", FOLLOWUP_STEPS);
        o.put("outreach.jobs.poll-interval-ms", "200");
        return o;
    }
}
