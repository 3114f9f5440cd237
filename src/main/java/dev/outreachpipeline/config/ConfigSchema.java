package dev.outreachpipeline.config;

import dev.outreachpipeline.console.AdminToken;
import dev.outreachpipeline.db.DatabaseUrl;
import dev.outreachpipeline.sending.CountrySkipList;
import dev.outreachpipeline.sending.DraftRules;
import dev.outreachpipeline.sending.DurationText;
import dev.outreachpipeline.sending.FollowupSteps;
import dev.outreachpipeline.sending.MailAddresses;
import dev.outreachpipeline.sending.MailboxIds;
import dev.outreachpipeline.sending.SendWindow;
import dev.outreachpipeline.sending.UnsubscribeTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every {@code outreach.*} setting the program understands. A key that is not listed here is a
 * typo, and startup says so rather than silently ignoring it. Defaults are not here: they live in
 * config/application.properties, where an operator reads them.
 */
public final class ConfigSchema {

    private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();

    /** Stands for a mailbox's id in the per-mailbox keys: outreach.mailbox.&lt;id&gt;.smtp.host. */
    public static final String MAILBOX_ID = "<id>";

    static final String MAILBOX_KEY_PREFIX = "outreach.mailbox.";
    private static final java.util.regex.Pattern MAILBOX_KEY =
            java.util.regex.Pattern.compile("outreach\\.mailbox\\.([^.]+)\\.(.+)");

    static {
        add(Setting.withCheck("outreach.database.url", ConfigSchema::checkDatabaseUrl, "DATABASE_URL"));
        add(Setting.withCheck("outreach.database.schema", ConfigSchema::checkIdentifier));
        add(Setting.integer("outreach.database.pool-size", 2, 200));
        add(Setting.integer("outreach.database.connect-timeout-seconds", 1, 3600));
        add(Setting.text("outreach.embedded.data-dir"));
        add(Setting.integer("outreach.embedded.port", 0, 65535));
        add(Setting.integer("outreach.daemon.heartbeat-seconds", 1, 86400));

        add(Setting.integer("outreach.jobs.workers", 1, 64));
        add(Setting.integer("outreach.jobs.poll-interval-ms", 50, 600_000));
        add(Setting.integer("outreach.jobs.heartbeat-seconds", 1, 3600));
        add(Setting.integer("outreach.jobs.lease-seconds", 5, 86400));
        add(Setting.integer("outreach.jobs.max-run-seconds", 10, 7 * 86400));

        add(Setting.withCheck("outreach.dataforseo.base-url", ConfigSchema::checkHttpUrl, "DATAFORSEO_BASE_URL"));
        add(Setting.text("outreach.dataforseo.login", "DATAFORSEO_LOGIN"));
        add(Setting.secret("outreach.dataforseo.password", "DATAFORSEO_PASSWORD"));
        add(Setting.oneOf("outreach.dataforseo.mode", "live", "standard"));
        add(Setting.integer("outreach.dataforseo.calls-per-minute", 1, 100_000));
        add(Setting.integer("outreach.dataforseo.concurrency", 1, 100));
        add(Setting.integer("outreach.dataforseo.timeout-seconds", 1, 3600));
        add(Setting.integer("outreach.dataforseo.max-retries", 0, 100));
        add(Setting.integer("outreach.dataforseo.retry-delay-ms", 1, 3_600_000));
        add(Setting.integer("outreach.dataforseo.max-retry-delay-ms", 1, 3_600_000));
        add(Setting.integer("outreach.dataforseo.poll-seconds", 1, 3600));
        add(Setting.integer("outreach.dataforseo.collect-timeout-seconds", 1, 30 * 86400));
        add(Setting.bool("outreach.discovery.chain-enrich"));
        add(Setting.withCheck("outreach.schedule.discovery-cron", ConfigSchema::checkCron));
        add(Setting.withCheck("outreach.schedule.send-cron", ConfigSchema::checkCron));
        add(Setting.withCheck("outreach.schedule.followup-cron", ConfigSchema::checkCron));
        add(Setting.withCheck("outreach.schedule.replies-cron", ConfigSchema::checkCron));

        add(Setting.withCheck("outreach.hunter.base-url", ConfigSchema::checkHttpUrl, "HUNTER_BASE_URL"));
        add(Setting.secret("outreach.hunter.api-key", "HUNTER_API_KEY", "HUNTER_IO_API_KEY"));
        add(Setting.integer("outreach.hunter.requests-per-second", 1, 1000));
        add(Setting.integer("outreach.hunter.requests-per-minute", 1, 60_000));
        add(Setting.integer("outreach.hunter.verifier-requests-per-second", 1, 1000));
        add(Setting.integer("outreach.hunter.verifier-requests-per-minute", 1, 60_000));
        add(Setting.integer("outreach.hunter.concurrency", 1, 100));
        add(Setting.integer("outreach.hunter.timeout-seconds", 1, 3600));
        add(Setting.integer("outreach.hunter.max-retries", 0, 100));
        add(Setting.integer("outreach.hunter.retry-delay-ms", 1, 3_600_000));
        add(Setting.integer("outreach.hunter.max-retry-delay-ms", 1, 3_600_000));
        add(Setting.bool("outreach.hunter.verify"));
        add(Setting.integer("outreach.hunter.verifier-checks", 1, 100));
        add(Setting.integer("outreach.enrichment.batch-size", 1, 1000));
        add(Setting.integer("outreach.enrichment.lease-seconds", 10, 86400));
        add(Setting.withCheck("outreach.enrichment.target-roles", ConfigSchema::checkNotBlank));
        add(Setting.integer("outreach.enrichment.min-confidence", 0, 100));
        add(Setting.bool("outreach.enrichment.allow-generic"));
        add(Setting.bool("outreach.enrichment.drop-disposable"));
        add(Setting.bool("outreach.enrichment.drop-webmail"));
        add(Setting.bool("outreach.enrichment.chain-draft"));
        add(Setting.withCheck("outreach.discovery.locations-file", ConfigSchema::checkNotBlank));
        add(Setting.withCheck("outreach.discovery.categories-file", ConfigSchema::checkNotBlank));
        add(Setting.integer("outreach.discovery.max-queries-per-location", 1, 1000));
        add(Setting.integer("outreach.discovery.default-max-results", 1, 1000));
        add(Setting.withCheck("outreach.discovery.language-code", ConfigSchema::checkLanguageCode));
        add(Setting.integer("outreach.discovery.depth", 10, 200));
        add(Setting.oneOf("outreach.discovery.device", "desktop", "mobile"));
        add(Setting.oneOf("outreach.discovery.dedupe-by", "host", "registrable-domain"));
        add(Setting.withCheck("outreach.discovery.result-types", ConfigSchema::checkResultTypes));
        add(Setting.integer("outreach.discovery.rerun-warning-days", 0, 365));

        add(Setting.withCheck("outreach.drafts.templates-dir", ConfigSchema::checkNotBlank));
        add(Setting.bool("outreach.drafts.html"));
        add(Setting.integer("outreach.drafts.min-body-chars", 1, DraftRules.MAX_BODY));
        add(Setting.integer("outreach.drafts.max-body-chars", 1, DraftRules.MAX_BODY));
        add(Setting.text("outreach.drafts.spam-words"));
        add(Setting.withCheck(
                "outreach.drafts.language", dev.outreachpipeline.drafting.gates.GateSettings::checkLanguage));
        add(Setting.oneOf("outreach.drafts.writer", "template", "llm"));
        add(Setting.bool("outreach.drafts.llm-auto-approve"));
        add(Setting.text("outreach.drafts.llm-brief"));
        add(Setting.withCheck("outreach.llm.base-url", orEmpty(ConfigSchema::checkHttpUrl)));
        add(Setting.text("outreach.llm.model"));
        add(Setting.secret("outreach.llm.api-key"));
        add(Setting.integer("outreach.llm.requests-per-minute", 1, 100_000));
        add(Setting.integer("outreach.llm.tokens-per-minute", 100, 100_000_000));
        add(Setting.integer("outreach.llm.max-output-tokens", 100, 100_000));
        add(Setting.integer("outreach.llm.timeout-seconds", 1, 3600));
        add(Setting.integer("outreach.llm.max-retries", 0, 100));
        add(Setting.integer("outreach.llm.retry-delay-ms", 1, 3_600_000));
        add(Setting.integer("outreach.llm.max-retry-delay-ms", 1, 3_600_000));
        add(Setting.integer("outreach.drafting.batch-size", 1, 1000));
        add(Setting.integer("outreach.drafting.lease-seconds", 10, 86400));
        add(Setting.withCheck("outreach.sender.name", ConfigSchema::checkHeaderText));
        add(Setting.text("outreach.sender.signature"));
        add(Setting.bool("outreach.send.require-approval"));

        add(Setting.withCheck("outreach.send.window", SendWindow::check));
        add(Setting.integer("outreach.send.daily-cap", 0, 10_000));
        add(Setting.integer("outreach.send.hourly-cap", 0, 10_000));
        add(Setting.withCheck("outreach.send.spacing", DurationText.checkBetween(Duration.ZERO, Duration.ofDays(1))));
        add(Setting.withCheck(
                "outreach.send.spacing-jitter", DurationText.checkBetween(Duration.ZERO, Duration.ofDays(1))));
        add(Setting.withCheck("outreach.send.skip-countries", CountrySkipList::check));
        add(Setting.integer("outreach.send.max-attempts", 1, 100));
        add(Setting.withCheck(
                "outreach.send.retry-delay", DurationText.checkBetween(Duration.ofSeconds(1), Duration.ofDays(7))));
        add(Setting.withCheck("outreach.followup.steps", FollowupSteps::check));

        add(Setting.integer("outreach.http.port", 0, 65535));
        add(Setting.withCheck("outreach.http.bind", ConfigSchema::checkBindAddress));
        add(Setting.withCheck(
                "outreach.http.idle-timeout", DurationText.checkBetween(Duration.ofMillis(100), Duration.ofHours(1))));
        add(Setting.withCheck(
                "outreach.http.header-timeout",
                DurationText.checkBetween(Duration.ofMillis(100), Duration.ofMinutes(10))));
        add(Setting.integer("outreach.http.max-connections", 1, 100_000));
        add(Setting.withCheck(
                "outreach.unsubscribe.database-timeout",
                DurationText.checkBetween(Duration.ofMillis(100), Duration.ofMinutes(1))));
        add(Setting.withCheck("outreach.unsubscribe.journal-file", ConfigSchema::checkNotBlank));
        add(Setting.withCheck(
                "outreach.unsubscribe.journal-replay-interval",
                DurationText.checkBetween(Duration.ofSeconds(1), Duration.ofDays(1))));

        add(Setting.withCheck("outreach.smtp.host", ConfigSchema::checkHostName, "SMTP_HOST"));
        add(Setting.integer("outreach.smtp.port", 1, 65535).withEnvAliases("SMTP_PORT"));
        add(Setting.text("outreach.smtp.username", "SMTP_USERNAME"));
        add(Setting.secret("outreach.smtp.password", "SMTP_PASSWORD"));
        add(Setting.oneOf("outreach.smtp.security", "starttls", "tls", "none").withEnvAliases("SMTP_SECURITY"));
        add(Setting.integer("outreach.smtp.timeout-seconds", 1, 3600));
        add(Setting.withCheck("outreach.mail.from", MailAddresses::checkSetting, "MAIL_FROM"));
        add(Setting.withCheck("outreach.mail.from-name", ConfigSchema::checkHeaderText, "MAIL_FROM_NAME"));
        add(Setting.text("outreach.mail.postal-address", "SENDER_POSTAL_ADDRESS"));
        add(Setting.secret("outreach.unsubscribe.secret").checkedBy(UnsubscribeTokens::checkSecret));
        add(Setting.withCheck("outreach.unsubscribe.mailto", MailAddresses::checkMailto));
        add(Setting.withCheck("outreach.http.public-base-url", ConfigSchema::checkHttpUrl));

        add(Setting.withCheck("outreach.imap.host", ConfigSchema::checkHostName, "IMAP_HOST"));
        add(Setting.integer("outreach.imap.port", 1, 65535).withEnvAliases("IMAP_PORT"));
        add(Setting.text("outreach.imap.username", "IMAP_USERNAME"));
        add(Setting.secret("outreach.imap.password", "IMAP_PASSWORD"));
        add(Setting.oneOf("outreach.imap.security", "tls", "starttls", "none").withEnvAliases("IMAP_SECURITY"));
        add(Setting.withCheck("outreach.imap.folder", ConfigSchema::checkFolderName));
        add(Setting.integer("outreach.imap.max-messages", 1, 10_000));
        add(Setting.bool("outreach.replies.ignore-auto-replies"));
        add(Setting.integer("outreach.replies.snooze-days", 1, 90));
        add(Setting.integer("outreach.replies.max-text-chars", 100, 1_000_000));

        add(Setting.withCheck("outreach.schedule.links-cron", ConfigSchema::checkCron));
        add(Setting.withCheck("outreach.links.recheck-days", dev.outreachpipeline.links.RecheckSchedule::checkSetting));
        add(Setting.withCheck("outreach.links.user-agent", ConfigSchema::checkHeaderText));
        add(Setting.integer("outreach.links.timeout-seconds", 1, 300));
        add(Setting.integer("outreach.links.max-page-bytes", 1024, 50_000_000));
        add(Setting.integer("outreach.links.host-delay-ms", 0, 600_000));
        add(Setting.withCheck("outreach.report.hunter-cost-per-call-usd", ConfigSchema::checkDollars));

        // Further sending mailboxes: the ids listed in outreach.mailboxes, each described by the
        // outreach.mailbox.<id>.* keys below. These keys are templates: the value given here is every
        // mailbox's default, and a mailbox's own value is outreach.mailbox.b.smtp.host in a file or
        // OUTREACH_MAILBOX_B_SMTP_HOST in the environment (see mailboxSetting).
        add(Setting.withCheck("outreach.mailboxes", MailboxIds::checkList));
        add(Setting.withCheck(MAILBOX_KEY_PREFIX + MAILBOX_ID + ".from", MailAddresses::checkSetting));
        add(Setting.withCheck(MAILBOX_KEY_PREFIX + MAILBOX_ID + ".from-name", ConfigSchema::checkHeaderText));
        add(Setting.withCheck(MAILBOX_KEY_PREFIX + MAILBOX_ID + ".smtp.host", ConfigSchema::checkHostName));
        add(Setting.integer(MAILBOX_KEY_PREFIX + MAILBOX_ID + ".smtp.port", 1, 65535));
        add(Setting.text(MAILBOX_KEY_PREFIX + MAILBOX_ID + ".smtp.username"));
        add(Setting.secret(MAILBOX_KEY_PREFIX + MAILBOX_ID + ".smtp.password"));
        add(Setting.oneOf(MAILBOX_KEY_PREFIX + MAILBOX_ID + ".smtp.security", "starttls", "tls", "none"));
        add(Setting.withCheck(MAILBOX_KEY_PREFIX + MAILBOX_ID + ".imap.host", ConfigSchema::checkHostName));
        add(Setting.integer(MAILBOX_KEY_PREFIX + MAILBOX_ID + ".imap.port", 1, 65535));
        add(Setting.text(MAILBOX_KEY_PREFIX + MAILBOX_ID + ".imap.username"));
        add(Setting.secret(MAILBOX_KEY_PREFIX + MAILBOX_ID + ".imap.password"));
        add(Setting.oneOf(MAILBOX_KEY_PREFIX + MAILBOX_ID + ".imap.security", "tls", "starttls", "none"));
        add(Setting.withCheck(MAILBOX_KEY_PREFIX + MAILBOX_ID + ".imap.folder", ConfigSchema::checkFolderName));
        add(Setting.withCheck(
                MAILBOX_KEY_PREFIX + MAILBOX_ID + ".daily-cap", orEmpty(Setting.integer("cap", 0, 10_000))));
        add(Setting.withCheck(
                MAILBOX_KEY_PREFIX + MAILBOX_ID + ".hourly-cap", orEmpty(Setting.integer("cap", 0, 10_000))));
        add(Setting.withCheck(
                MAILBOX_KEY_PREFIX + MAILBOX_ID + ".spacing",
                orEmpty(DurationText.checkBetween(Duration.ZERO, Duration.ofDays(1)))));
        add(Setting.withCheck(
                MAILBOX_KEY_PREFIX + MAILBOX_ID + ".spacing-jitter",
                orEmpty(DurationText.checkBetween(Duration.ZERO, Duration.ofDays(1)))));

        add(Setting.bool("outreach.management.enabled"));
        add(Setting.integer("outreach.management.port", 0, 65535));
        add(Setting.withCheck("outreach.management.bind", ConfigSchema::checkBindAddress));
        add(Setting.bool("outreach.management.behind-https-proxy"));
        add(Setting.secret("outreach.admin.token").checkedBy(AdminToken::checkToken));
        add(Setting.integer("outreach.database.start-retry-seconds", 0, 86_400));
    }

    private ConfigSchema() {}

    private static void add(Setting s) {
        SETTINGS.put(s.key(), s);
    }

    /**
     * The setting of a key: a listed one, or one mailbox's own copy of a per-mailbox key
     * (outreach.mailbox.b.smtp.password is outreach.mailbox.&lt;id&gt;.smtp.password for mailbox b,
     * secret like it), whether or not outreach.mailboxes lists that id.
     */
    public static Optional<Setting> find(String key) {
        Setting listed = SETTINGS.get(key);
        if (listed != null) {
            return Optional.of(listed);
        }
        return mailboxIdOf(key)
                .flatMap(id -> mailboxSetting(id, key.substring(MAILBOX_KEY_PREFIX.length() + id.length() + 1)));
    }

    /** The mailbox a per-mailbox key names: outreach.mailbox.b.smtp.host → b. */
    public static Optional<String> mailboxIdOf(String key) {
        var m = MAILBOX_KEY.matcher(key);
        if (!m.matches() || m.group(1).equals(MAILBOX_ID)) {
            return Optional.empty();
        }
        return SETTINGS.containsKey(MAILBOX_KEY_PREFIX + MAILBOX_ID + "." + m.group(2))
                ? Optional.of(m.group(1))
                : Optional.empty();
    }

    /** One mailbox's copy of a per-mailbox setting, e.g. ("b", "smtp.host"); its environment name follows from its key. */
    public static Optional<Setting> mailboxSetting(String id, String name) {
        return Optional.ofNullable(SETTINGS.get(MAILBOX_KEY_PREFIX + MAILBOX_ID + "." + name))
                .map(t -> new Setting(MAILBOX_KEY_PREFIX + id + "." + name, t.check(), t.secret(), List.of()));
    }

    /** Every per-mailbox setting for one mailbox id, in the order they are listed. */
    public static List<Setting> mailboxSettings(String id) {
        String template = MAILBOX_KEY_PREFIX + MAILBOX_ID + ".";
        return SETTINGS.keySet().stream()
                .filter(k -> k.startsWith(template))
                .map(k -> mailboxSetting(id, k.substring(template.length())).orElseThrow())
                .toList();
    }

    /** The template key of a mailbox's own key: outreach.mailbox.b.smtp.host → outreach.mailbox.&lt;id&gt;.smtp.host. */
    public static String mailboxTemplateKey(String key) {
        return mailboxIdOf(key)
                .map(id -> MAILBOX_KEY_PREFIX + MAILBOX_ID + key.substring(MAILBOX_KEY_PREFIX.length() + id.length()))
                .orElse(key);
    }

    public static List<Setting> all() {
        return List.copyOf(SETTINGS.values());
    }

    /**
     * Environment variables read by the launcher and the logging set-up before any configuration is
     * loaded, so they cannot be settings; they are checked here so that a typo is still reported.
     */
    static final Map<String, Function<String, Optional<String>>> PROCESS_VARIABLES = Map.of(
            "OUTREACH_HOME", v -> Optional.empty(),
            "OUTREACH_LOG_FORMAT",
                    v -> List.of("text", "json").contains(v.trim())
                            ? Optional.empty()
                            : Optional.of("must be text or json, is '" + v + "'"));

    /** Keys whose values are credentials, or may carry one (a database URL with a password). */
    public static boolean isSensitive(String key) {
        return find(key).map(Setting::secret).orElse(false)
                || key.equals("outreach.database.url")
                || key.matches(".*(password|secret|api-key|token(?!s)).*"); // "tokens" counts them (outreach.llm.*)
    }

    /**
     * Rules that involve more than one setting. They run after every setting's own check, and only on
     * values that passed it ({@code valid} gives nothing for the others), so that one mistake is reported
     * once, in the same form as the problems of single settings.
     *
     * @param valid  a key's value, when it passed its own check
     * @param source where a key's value came from, e.g. "environment OUTREACH_SEND_SPACING"
     */
    static List<String> checkTogether(Function<String, Optional<String>> valid, Function<String, String> source) {
        var problems = new ArrayList<String>();
        Optional<String> spacing = valid.apply("outreach.send.spacing");
        Optional<String> jitter = valid.apply("outreach.send.spacing-jitter");
        if (spacing.isPresent() && jitter.isPresent()) {
            Duration s = DurationText.parse(spacing.get());
            Duration j = DurationText.parse(jitter.get());
            // A jitter as large as the spacing could leave no gap at all between two messages.
            if (!j.isZero() && j.compareTo(s) >= 0) {
                problems.add("'outreach.send.spacing-jitter' (from " + source.apply("outreach.send.spacing-jitter")
                        + ") must be less than outreach.send.spacing ("
                        + spacing.get().trim() + "), or 0s; is "
                        + jitter.get().trim());
            }
        }
        Optional<String> minBody = valid.apply("outreach.drafts.min-body-chars");
        Optional<String> maxBody = valid.apply("outreach.drafts.max-body-chars");
        // No body could pass the length gate: every draft would fail.
        if (minBody.isPresent()
                && maxBody.isPresent()
                && Integer.parseInt(minBody.get().trim())
                        > Integer.parseInt(maxBody.get().trim())) {
            problems.add("'outreach.drafts.min-body-chars' (from " + source.apply("outreach.drafts.min-body-chars")
                    + ") must be at most outreach.drafts.max-body-chars ("
                    + maxBody.get().trim() + "); is "
                    + minBody.get().trim());
        }
        return problems;
    }

    private static Optional<String> checkDatabaseUrl(String value) {
        if (value.isBlank()) {
            return Optional.empty();
        }
        return ParseCheck.problem(value, DatabaseUrl::parse);
    }

    private static Optional<String> checkCron(String value) {
        try {
            new org.quartz.CronExpression(value);
            return Optional.empty();
        } catch (java.text.ParseException e) {
            return Optional.of("is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week,"
                    + " e.g. '0 0 6 * * ?'): " + e.getMessage());
        }
    }

    private static Optional<String> checkHttpUrl(String value) {
        return value.matches("https?://[^\\s/]+(/\\S*)?")
                ? Optional.empty()
                : Optional.of("must be an http:// or https:// URL, is '" + value + "'");
    }

    /** A host name, IPv4 or bare IPv6 address, nothing more: no scheme, no port, no spaces. Empty means not set. */
    private static Optional<String> checkHostName(String value) {
        return value.isEmpty() || value.matches("[A-Za-z0-9.-]+|[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*")
                ? Optional.empty()
                : Optional.of("must be a host name or IP address such as smtp.example.com (no scheme or port), is '"
                        + value + "'");
    }

    /** An IMAP folder name such as INBOX or INBOX/Replies: one line, not empty. */
    private static Optional<String> checkFolderName(String value) {
        if (value.isBlank()) {
            return Optional.of("must name a folder, e.g. INBOX");
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            return Optional.of("must be one line without control characters");
        }
        return value.length() > 200
                ? Optional.of("must be at most 200 characters, is " + value.length())
                : Optional.empty();
    }

    private static Optional<String> checkIdentifier(String value) {
        return value.matches("[a-z_][a-z0-9_]{0,62}")
                ? Optional.empty()
                : Optional.of("must be a lower-case SQL identifier (letters, digits, '_'), is '" + value + "'");
    }

    /** A check that also takes an empty value ("not set": the shared setting applies). */
    private static Function<String, Optional<String>> orEmpty(Setting setting) {
        return orEmpty(setting.check());
    }

    private static Function<String, Optional<String>> orEmpty(Function<String, Optional<String>> check) {
        return v -> v.isBlank() ? Optional.empty() : check.apply(v);
    }

    private static Optional<String> checkNotBlank(String value) {
        return value.isBlank() ? Optional.of("must not be empty") : Optional.empty();
    }

    /**
     * Text that goes into a mail header (the sender's display name): a line break there would let the
     * value add header fields of its own, so it is refused rather than quietly repaired.
     */
    private static Optional<String> checkHeaderText(String value) {
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            return Optional.of("must be one line without control characters");
        }
        return value.length() > 200
                ? Optional.of("must be at most 200 characters, is " + value.length())
                : Optional.empty();
    }

    /**
     * The address the HTTP server listens on: an IP address (0.0.0.0 for every interface) or a host
     * name. It is not looked up here; an address this machine does not have fails when the server starts.
     */
    private static Optional<String> checkBindAddress(String value) {
        String v = value.trim();
        boolean ok;
        if (v.matches("[0-9.]+")) {
            ok = v.matches("(\\d{1,3})(\\.\\d{1,3}){3}")
                    && java.util.Arrays.stream(v.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255);
        } else if (v.contains(":")) {
            ok = v.matches("[0-9A-Fa-f:.]+") && v.chars().filter(c -> c == ':').count() >= 2;
        } else {
            ok = v.matches(
                    "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
        }
        return ok
                ? Optional.empty()
                : Optional.of("must be an IP address or host name to listen on, e.g. 0.0.0.0 (every interface) or"
                        + " 127.0.0.1 (this machine only), is '" + value + "'");
    }

    /** An amount of US dollars, zero or more, such as 0 or 0.0245. */
    private static Optional<String> checkDollars(String value) {
        try {
            return new java.math.BigDecimal(value.trim()).signum() >= 0
                    ? Optional.empty()
                    : Optional.of("must be zero or more dollars, is '" + value + "'");
        } catch (NumberFormatException e) {
            return Optional.of("must be an amount of dollars such as 0 or 0.0245, is '" + value + "'");
        }
    }

    /** A DataForSEO language code: "en", or with a region or script, e.g. "pt-br", "zh-TW". */
    private static Optional<String> checkLanguageCode(String value) {
        return value.trim().matches("[a-z]{2,3}(-[A-Za-z0-9]{2,4})?")
                ? Optional.empty()
                : Optional.of("must be a lower-case language code such as en or pt-br, is '" + value + "'");
    }

    /** SERP item types to keep, e.g. "organic" or "organic, featured_snippet". */
    private static Optional<String> checkResultTypes(String value) {
        if (value.isBlank()) {
            return Optional.of("must name at least one SERP item type, e.g. organic");
        }
        List<String> bad = java.util.Arrays.stream(value.split(",", -1))
                .map(String::trim)
                .filter(t -> !t.matches("[a-z][a-z_]*"))
                .toList();
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("must be a comma-separated list of SERP item types such as organic, featured_snippet; '"
                + String.join("', '", bad) + "' is not one");
    }
}
