package dev.outreachpipeline.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A part of the pipeline that cannot do its work until some settings are given, and which ones.
 * The daemon starts without them (an installation may only discover, or only send), so they are not
 * configuration errors; {@code config check} reports each stage ready or what it lacks, and a stage's
 * job refuses to start with the same sentence. A new stage (the console, an API) is one more entry in
 * {@link #ALL}.
 *
 * @param name         what the operator types after {@code config check --stage}
 * @param requirements the settings it needs, in the order they are reported
 */
public record Stage(String name, List<Requirement> requirements) {

    /**
     * A setting the stage needs, always, only while another one is set (a password for a user), or
     * only while another one has a given value (the LLM's endpoint when drafts are written by one).
     *
     * @param whenSet   the other setting, if the requirement depends on one
     * @param whenValue the value the other setting must have; empty: any non-blank value
     */
    public record Requirement(String key, Optional<String> whenSet, Optional<String> whenValue) {

        static Requirement always(String key) {
            return new Requirement(key, Optional.empty(), Optional.empty());
        }

        static Requirement whenSet(String key, String otherKey) {
            return new Requirement(key, Optional.of(otherKey), Optional.empty());
        }

        static Requirement whenEquals(String key, String otherKey, String value) {
            return new Requirement(key, Optional.of(otherKey), Optional.of(value));
        }

        boolean needed(Function<String, String> value) {
            return whenSet.map(other -> whenValue
                            .map(v -> v.equals(value.apply(other).strip()))
                            .orElse(!value.apply(other).isBlank()))
                    .orElse(true);
        }
    }

    // What each stage's job checks before it does anything (DataForSeoClient, HunterClient,
    // DraftRenderer, SmtpSettings.problemsForSending, ImapSettings.problems).
    public static final Stage DISCOVERY = new Stage(
            "discovery",
            List.of(
                    Requirement.always("outreach.dataforseo.login"),
                    Requirement.always("outreach.dataforseo.password")));
    public static final Stage ENRICHMENT =
            new Stage("enrichment", List.of(Requirement.always("outreach.hunter.api-key")));
    public static final Stage DRAFTING = new Stage(
            "drafting",
            List.of(
                    Requirement.always("outreach.sender.name"),
                    Requirement.whenEquals("outreach.llm.base-url", "outreach.drafts.writer", "llm"),
                    Requirement.whenEquals("outreach.llm.model", "outreach.drafts.writer", "llm")));
    public static final Stage SENDING = new Stage(
            "sending",
            List.of(
                    Requirement.always("outreach.smtp.host"),
                    Requirement.always("outreach.mail.from"),
                    Requirement.always("outreach.mail.postal-address"),
                    Requirement.always("outreach.unsubscribe.secret"),
                    Requirement.whenSet("outreach.smtp.password", "outreach.smtp.username"),
                    Requirement.whenSet("outreach.smtp.username", "outreach.smtp.password")));
    // Without an IMAP mailbox replies and bounces are never seen, so sending goes on to people who
    // answered or whose address bounced: the stage is not ready, even though its jobs then do nothing.
    public static final Stage REPLIES = new Stage(
            "replies",
            List.of(
                    Requirement.always("outreach.imap.host"),
                    Requirement.always("outreach.imap.username"),
                    Requirement.always("outreach.imap.password")));

    /** Every stage, in pipeline order. */
    public static final List<Stage> ALL = List.of(DISCOVERY, ENRICHMENT, DRAFTING, SENDING, REPLIES);

    public static Optional<Stage> named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Stage::name).toList();
    }

    /** This stage's readiness under the given configuration. */
    public Readiness check(OutreachConfig config) {
        return check(config::valueOrEmpty);
    }

    /** @param value a setting's effective value by key (trimmed, "" when not set) */
    public Readiness check(Function<String, String> value) {
        var unset = new ArrayList<String>();
        for (Requirement r : requirements) {
            if (r.needed(value) && value.apply(r.key()).isBlank()) {
                unset.add(ConfigSchema.find(r.key()).orElseThrow().operatorEnvName());
            }
        }
        return new Readiness(name, List.copyOf(unset));
    }

    /**
     * A stage's readiness.
     *
     * @param unset the environment variables that are needed and not set, as an operator would set them
     */
    public record Readiness(String stage, List<String> unset) {

        public boolean ready() {
            return unset.isEmpty();
        }

        /** "sending: ready", or "sending: SMTP_HOST, MAIL_FROM and OUTREACH_UNSUBSCRIBE_SECRET are not set". */
        public String sentence() {
            if (unset.isEmpty()) {
                return stage + ": ready";
            }
            if (unset.size() == 1) {
                return stage + ": " + unset.get(0) + " is not set";
            }
            return stage + ": " + String.join(", ", unset.subList(0, unset.size() - 1)) + " and "
                    + unset.get(unset.size() - 1) + " are not set";
        }
    }
}
