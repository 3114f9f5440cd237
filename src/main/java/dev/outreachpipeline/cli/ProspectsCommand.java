package dev.outreachpipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.prospects.DraftDecisions;
import dev.outreachpipeline.prospects.HandBack;
import dev.outreachpipeline.prospects.ProspectIds;
import dev.outreachpipeline.prospects.ProspectJson;
import dev.outreachpipeline.prospects.ProspectStore;
import dev.outreachpipeline.sending.FlowedText;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "prospects",
        mixinStandardHelpOptions = true,
        description = "List, inspect, preview, edit, export and approve prospects; send them back to an earlier stage.",
        subcommands = {
            ProspectsCommand.ListProspects.class,
            ProspectsCommand.Show.class,
            ProspectsPreviewCommand.class,
            ProspectsEditCommand.class,
            ProspectsExportCommand.class,
            ProspectsCommand.Approve.class,
            ProspectsCommand.Redraft.class,
            ProspectsCommand.Refresh.class,
            ProspectsCommand.Resend.class,
            ProspectsCommand.Reject.class,
            ProspectsCommand.Unapprove.class,
            ProspectsMarkSentCommand.class,
            ProspectsStageCommand.class
        })
final class ProspectsCommand {

    static final ObjectMapper JSON = TerminalText.jsonMapper();

    /** The status asked for, if the pipeline knows it; a usage error listing the valid ones otherwise. */
    static String checkedStatus(ProspectStore store, String status) throws java.sql.SQLException {
        if (status == null) {
            return null;
        }
        List<String> valid = store.statuses();
        if (!valid.contains(status)) {
            throw new OutreachException(
                    "'" + TerminalText.line(status) + "' is not a prospect status; use one of "
                            + String.join(", ", valid) + ".",
                    ExitCodes.USAGE);
        }
        return status;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Prospects, best score first.")
    static final class ListProspects implements Callable<Integer> {
        private final CliContext context;

        @Option(
                names = "--status",
                description = "Only prospects in this status (pending, enriched, no_email, drafted, "
                        + "approved, sent, send_unknown, …; an unknown one lists them all).")
        String status;

        @Option(names = "--min-score", paramLabel = "N", description = "Only prospects scoring at least N (0-100).")
        BigDecimal minScore;

        @Option(names = "--campaign", paramLabel = "NAME", description = "Only the prospects of this campaign.")
        String campaign;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(
                names = "--json",
                description = "Print JSON (with each prospect's campaign, keyword, location and contact's first name).")
        boolean json;

        ListProspects(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                var store = new ProspectStore(db.dataSource());
                var rows = store.list(
                        checkedStatus(store, status), minScore, CampaignOption.idOrNull(db, campaign), limit);
                if (json) {
                    context.out().println(JSON.writeValueAsString(ProspectJson.rows(rows)));
                    return ExitCodes.OK;
                }
                context.out()
                        .printf(
                                "%-36s  %6s  %-14s  %-32s  %-32s  %s%n",
                                "ID", "SCORE", "STATUS", "DOMAIN", "CONTACT", "CAMPAIGN");
                for (Map<String, Object> r : rows) {
                    context.out()
                            .printf(
                                    "%-36s  %6s  %-14s  %-32s  %-32s  %s%n",
                                    r.get("id"),
                                    r.get("score") == null ? "-" : r.get("score"),
                                    TerminalText.line(r.get("outreach_status")),
                                    TerminalText.line(r.get("domain")),
                                    TerminalText.line(r.get("contact_email")),
                                    TerminalText.line(r.get("campaign")));
                }
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "A prospect: where it came from, its contact and why, its draft.")
    static final class Show implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "ID", description = "The prospect's id (as `prospects list` shows it).")
        String id;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            UUID prospectId = prospectId(id);
            try (Database db = context.openDatabase()) {
                Map<String, Object> p = new ProspectStore(db.dataSource())
                        .find(prospectId)
                        .orElseThrow(() ->
                                new OutreachException("No prospect has the id " + prospectId + ".", ExitCodes.FAILURE));
                if (json) {
                    context.out().println(JSON.writeValueAsString(ProspectJson.row(p)));
                    return ExitCodes.OK;
                }
                PrintWriter out = context.out();
                out.printf("Prospect %s  (%s)%n", p.get("id"), TerminalText.line(p.get("domain")));
                line(out, "campaign", p.get("campaign"));
                line(out, "status", p.get("outreach_status"));
                line(out, "score", p.get("score"));
                line(out, "found on", p.get("page_url"));
                line(out, "page title", p.get("page_title"));
                line(
                        out,
                        "found by",
                        p.get("keyword") == null
                                ? null
                                : "'" + p.get("keyword") + "' in " + p.get("location")
                                        + (p.get("serp_rank") == null ? "" : ", position " + p.get("serp_rank")));
                line(
                        out,
                        "hunter",
                        p.get("hunter_emails") == null
                                ? "not looked up"
                                : p.get("hunter_emails") + " address(es)"
                                        + (p.get("organization") == null ? "" : " at " + p.get("organization")));
                line(
                        out,
                        "contact",
                        p.get("contact_email") == null
                                ? null
                                : p.get("contact_email") + " (" + p.get("contact_method")
                                        + (p.get("contact_name") == null ? "" : ", " + p.get("contact_name")) + ")");
                line(out, "why", p.get("contact_reason"));
                line(out, "verification", p.get("contact_verification"));
                line(out, "stage", p.get("stage"));
                line(out, "last reply", p.get("last_reply_class"));
                line(out, "snoozed until", p.get("followup_snoozed_until"));
                line(out, "last error", p.get("last_error"));
                line(out, "written by", writtenBy(p));
                line(out, "rejected", p.get("rejected_reason"));
                line(
                        out,
                        "sent",
                        p.get("last_sent") == null
                                ? null
                                : p.get("last_sent") + " (" + p.get("followups_sent") + " follow-ups)");
                if (p.get("draft_subject") != null) {
                    out.println();
                    out.println("  Subject: " + TerminalText.line(p.get("draft_subject")));
                    if (p.get("draft_subject_variant") != null) {
                        out.println("  Subject variant: " + p.get("draft_subject_variant") + " ("
                                + TerminalText.line(p.get("draft_subject_variant_text")) + ")");
                    }
                    out.println();
                    // wrapped as the send stage writes the text part (format=flowed): the stored paragraphs
                    // are one line each
                    String wrapped = FlowedText.encode(String.valueOf(p.get("draft_body")));
                    for (String l : TerminalText.block(wrapped).split("\n", -1)) {
                        out.println(("  " + l).stripTrailing());
                    }
                }
                return ExitCodes.OK;
            }
        }

        /**
         * "llm (model m)", "template", or "template (llm NO_SIGNAL: …)" when the LLM writer was asked and
         * its draft not used; with the LLM calls, tokens and cost of the draft when there were any.
         */
        private static String writtenBy(Map<String, Object> p) {
            if (p.get("draft_writer") == null) {
                return null;
            }
            String s = p.get("draft_writer")
                    + (p.get("draft_writer_note") == null ? "" : " (" + p.get("draft_writer_note") + ")");
            Object calls = p.get("llm_calls");
            if (calls instanceof Number n && n.intValue() > 0) {
                s += "; " + n + " LLM call(s), " + p.get("llm_tokens_in") + " tokens in, " + p.get("llm_tokens_out")
                        + " out" + (p.get("llm_cost_usd") == null ? "" : ", $" + p.get("llm_cost_usd"));
            }
            return s;
        }

        /** One labelled field; its value is third-party text (titles, names, provider answers), so neutralised. */
        private static void line(PrintWriter out, String label, Object value) {
            if (value != null) {
                out.printf("  %-13s %s%n", label, TerminalText.line(value));
            }
        }
    }

    @Command(
            name = "approve",
            mixinStandardHelpOptions = true,
            description =
                    "Approve drafted prospects for sending: the given ids, or --all (optionally only those scoring at least "
                            + "--min-score, and only those of one --campaign).")
    static final class Approve implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "ID", arity = "0..*", description = "The prospects' ids.")
        List<String> ids = new ArrayList<>();

        @Option(names = "--all", description = "Every drafted prospect.")
        boolean all;

        @Option(names = "--min-score", paramLabel = "N", description = "With --all: only those scoring at least N.")
        BigDecimal minScore;

        @Option(
                names = "--campaign",
                paramLabel = "NAME",
                description = "With --all: only the prospects of this campaign.")
        String campaign;

        Approve(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            if (ids.isEmpty() == !all) {
                throw new OutreachException(
                        "Name the prospects to approve, or give --all (not both).", ExitCodes.USAGE);
            }
            if (campaign != null && !all) {
                throw new OutreachException(
                        "--campaign narrows --all; named prospects are approved whatever their campaign.",
                        ExitCodes.USAGE);
            }
            List<UUID> prospectIds =
                    ids.stream().map(ProspectsCommand::prospectId).toList();
            try (Database db = context.openDatabase()) {
                int n = new ProspectStore(db.dataSource())
                        .approve(prospectIds, all, minScore, CampaignOption.idOrNull(db, campaign));
                context.out().println("Approved " + n + " drafted prospect(s).");
                return ExitCodes.OK;
            }
        }
    }

    /**
     * A command that hands the named prospects back to an earlier stage and makes sure the job of
     * that stage runs for them. Each prospect that stays where it is is named with the reason; the
     * exit code says whether every one of them moved.
     */
    private abstract static class SendBack implements Callable<Integer> {
        final CliContext context;

        SendBack(CliContext context) {
            this.context = context;
        }

        abstract HandBack.Kind kind();

        /** The prospects' ids as typed. */
        abstract List<String> ids();

        /** What happens to the prospects that moved, e.g. "will be drafted again". */
        abstract String movedTo();

        /** The verb for one that did not, e.g. "not redrafted". */
        abstract String notMoved();

        @Override
        public Integer call() throws Exception {
            try (Database db = context.openDatabase()) {
                HandBack.Outcome outcome = new HandBack(db.dataSource()).handBack(kind(), ids(), "cli");
                outcome.refused()
                        .forEach((id, why) ->
                                context.err().println(TerminalText.line(id) + ": " + notMoved() + ": " + why + "."));
                if (outcome.moved().isEmpty()) {
                    context.out().println("0 prospect(s) " + movedTo() + "; no job was enqueued.");
                } else {
                    context.out()
                            .println(outcome.moved().size() + " prospect(s) " + movedTo() + " "
                                    + byJob(kind(), outcome.job(), outcome.newJob(), outcome.runAfter()) + ".");
                }
                return outcome.refused().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
            }
        }

        /** "by draft job ID (enqueued now)", or the job of that type that was waiting already. */
        static String byJob(HandBack.Kind kind, UUID job, boolean newJob, java.time.OffsetDateTime runAfter) {
            String type = kind.jobType();
            return newJob
                    ? "by " + type + " job " + job + " (enqueued now)"
                    : "by " + type + " job " + job + ", which was waiting already"
                            + (runAfter == null ? "" : " (it may start after " + JobView.time(runAfter) + " UTC)");
        }
    }

    @Command(
            name = "redraft",
            mixinStandardHelpOptions = true,
            description = {
                "Send drafted, approved or draft_failed prospects back to drafting (after a template change) "
                        + "and enqueue the draft job that renders them again.",
                "With --campaign NAME: every such prospect of that campaign, e.g. after `campaign update NAME "
                        + "--templates DIR`. Approved ones are drafted again and wait for approval again "
                        + "(while outreach.send.require-approval is on)."
            })
    static final class Redraft extends SendBack {
        @Parameters(
                paramLabel = "ID",
                arity = "0..*",
                description = "The prospects' ids (as `prospects list` shows them).")
        List<String> ids = new ArrayList<>();

        @Option(
                names = "--campaign",
                paramLabel = "NAME",
                description = "Instead of ids: every drafted, approved and draft_failed prospect of this campaign "
                        + "(after changing its templates).")
        String campaign;

        Redraft(CliContext context) {
            super(context);
        }

        @Override
        List<String> ids() {
            return ids;
        }

        @Override
        public Integer call() throws Exception {
            if (ids.isEmpty() == (campaign == null)) {
                throw new OutreachException(
                        "Name the prospects to redraft, or give --campaign NAME (not both).", ExitCodes.USAGE);
            }
            if (campaign == null) {
                return super.call();
            }
            try (Database db = context.openDatabase()) {
                UUID campaignId = CampaignOption.idOrNull(db, campaign);
                HandBack.CampaignOutcome outcome = new HandBack(db.dataSource()).redraftCampaign(campaignId, "cli");
                if (outcome.moved().isEmpty()) {
                    context.out()
                            .println(
                                    "Campaign " + campaign + " has no drafted, approved or draft_failed prospect with a"
                                            + " contact address; nothing to redraft, no job was enqueued.");
                } else {
                    var was = new ArrayList<String>();
                    outcome.was().forEach((status, n) -> was.add(n + " " + status));
                    context.out()
                            .println(outcome.moved().size() + " prospect(s) of campaign " + campaign + " ("
                                    + String.join(", ", was) + ") " + movedTo() + " "
                                    + byJob(kind(), outcome.job(), outcome.newJob(), outcome.runAfter()) + ".");
                }
                return ExitCodes.OK;
            }
        }

        @Override
        HandBack.Kind kind() {
            return HandBack.Kind.REDRAFT;
        }

        @Override
        String movedTo() {
            return "will be drafted again";
        }

        @Override
        String notMoved() {
            return "not redrafted";
        }
    }

    @Command(
            name = "refresh",
            mixinStandardHelpOptions = true,
            description =
                    "Ask Hunter about these prospects again, a paid call each: they go back to pending with their "
                            + "contact and payload cleared, and an enrich job is enqueued to look them up.")
    static final class Refresh extends SendBack {
        @Parameters(
                paramLabel = "ID",
                arity = "1..*",
                description = "The prospects' ids (as `prospects list` shows them).")
        List<String> ids;

        Refresh(CliContext context) {
            super(context);
        }

        @Override
        List<String> ids() {
            return ids;
        }

        @Override
        HandBack.Kind kind() {
            return HandBack.Kind.REFRESH;
        }

        @Override
        String movedTo() {
            return "will be looked up at Hunter again";
        }

        @Override
        String notMoved() {
            return "not refreshed";
        }
    }

    @Command(
            name = "resend",
            mixinStandardHelpOptions = true,
            description = {
                "Send again a message whose delivery is unknown (status send_unknown: the process stopped "
                        + "mid-send, or the server's answer was lost), and enqueue the send job that sends it.",
                "Only you can decide this: the recipient may have it already."
            })
    static final class Resend extends SendBack {
        @Parameters(
                paramLabel = "ID",
                arity = "1..*",
                description = "The prospects' ids (as `prospects list` shows them).")
        List<String> ids;

        Resend(CliContext context) {
            super(context);
        }

        @Override
        List<String> ids() {
            return ids;
        }

        @Override
        HandBack.Kind kind() {
            return HandBack.Kind.RESEND;
        }

        @Override
        String movedTo() {
            return "will be sent again";
        }

        @Override
        String notMoved() {
            return "not resent";
        }
    }

    @Command(
            name = "reject",
            mixinStandardHelpOptions = true,
            description = {
                "Reject a prospect: it is never contacted, and the reason is kept. Its domain stays known, so "
                        + "discovery does not bring it back.",
                "Only a prospect nobody has written to and no job is working on right now."
            })
    static final class Reject implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "ID", description = "The prospect's id (as `prospects list` shows it).")
        String id;

        @Option(
                names = "--reason",
                required = true,
                paramLabel = "TEXT",
                description = "Why it is not to be contacted (one line, at most 500 characters).")
        String reason;

        Reject(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            UUID prospectId = prospectId(id);
            try (Database db = context.openDatabase()) {
                return report(
                        context,
                        new DraftDecisions(db.dataSource()).reject(prospectId, reason),
                        prospectId,
                        "Rejected prospect " + prospectId + "; it will not be contacted.",
                        "not rejected");
            }
        }
    }

    @Command(
            name = "unapprove",
            mixinStandardHelpOptions = true,
            description = "Take an approval back: an approved prospect not yet claimed for sending is drafted again.")
    static final class Unapprove implements Callable<Integer> {
        private final CliContext context;

        @Parameters(paramLabel = "ID", description = "The prospect's id (as `prospects list` shows it).")
        String id;

        Unapprove(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            UUID prospectId = prospectId(id);
            try (Database db = context.openDatabase()) {
                return report(
                        context,
                        new DraftDecisions(db.dataSource()).unapprove(prospectId),
                        prospectId,
                        "Prospect " + prospectId + " is drafted again; approve it when it is ready.",
                        "not unapproved");
            }
        }
    }

    /** The outcome of a decision as a line on stdout (done) or the reasons on stderr, and the exit code. */
    private static int report(
            CliContext context, DraftDecisions.Outcome outcome, UUID id, String done, String notDone) {
        if (outcome.done()) {
            context.out().println(done);
            return ExitCodes.OK;
        }
        outcome.reasons().forEach(r -> context.err().println(id + ": " + notDone + ": " + TerminalText.line(r) + "."));
        return outcome.result() == DraftDecisions.Result.INVALID ? ExitCodes.USAGE : ExitCodes.FAILURE;
    }

    /** A prospect id as typed; a usage error naming what an id looks like otherwise. */
    static UUID prospectId(String id) {
        UUID uuid = ProspectIds.parseOrNull(id);
        if (uuid == null) {
            throw new OutreachException(
                    "'" + TerminalText.line(id) + "' is not a prospect id (" + ProspectIds.FORM + ").",
                    ExitCodes.USAGE);
        }
        return uuid;
    }
}
