package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.campaigns.Campaign;
import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.config.Stage;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.drafting.CampaignPitch;
import dev.outreachpipeline.drafting.CampaignTemplatesCheck;
import dev.outreachpipeline.drafting.DraftRenderer;
import dev.outreachpipeline.drafting.DraftSettings;
import dev.outreachpipeline.drafting.DraftStage;
import dev.outreachpipeline.drafting.DraftTemplates;
import dev.outreachpipeline.drafting.SampleDrafts;
import dev.outreachpipeline.drafting.TemplateEngine;
import dev.outreachpipeline.drafting.gates.DraftGates;
import dev.outreachpipeline.drafting.gates.GateSettings;
import dev.outreachpipeline.prospects.DraftDecisions;
import dev.outreachpipeline.prospects.ProspectStore;
import dev.outreachpipeline.sending.MessagePreview;
import dev.outreachpipeline.sending.Suppressions;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code prospects preview ID}: a prospect's first message exactly as the send stage would send it now
 * ({@link MessagePreview}, the API's and the console's view of it). {@code prospects preview --template
 * DIR}: prospects drafted with a templates directory on trial ({@link SampleDrafts}), saving nothing.
 */
@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        description = {
            "Show a prospect's first message exactly as it would go out now: its headers, the text part, the HTML"
                    + " part, the footer and the unsubscribe link, built by the mailbox its campaign sends from.",
            "With --template DIR: draft a few prospects (--sample N, or the one ID) with the templates in DIR, file by"
                    + " file over the global ones as `campaign update NAME --templates DIR` would use them, run the"
                    + " quality gates and show each result. Nothing is saved.",
            "Exit 0 when every message shown can go out (every sample draft passed the gates), 1 when not, 2 for a"
                    + " usage error or a template directory that does not render."
        })
final class ProspectsPreviewCommand implements Callable<Integer> {

    static final int DEFAULT_SAMPLE = 3;
    static final int MAX_SAMPLE = 100;

    /** Where a prospect's first message is waiting to go out (and so has a message to show). */
    private static final List<String> WAITING = List.of("drafted", "approved");

    private static final List<String> SENT =
            List.of("sent", "followup_due", "replied", "bounced", "unsubscribed", "failed");

    private static final List<String> NOT_CONTACTED = List.of("rejected", "skipped", "suppressed", "do_not_contact");

    private final CliContext context;

    @Parameters(
            paramLabel = "ID",
            arity = "0..1",
            description = "The prospect's id (as `prospects list` shows it). With --template: draft only this one.")
    String id;

    @Option(
            names = "--template",
            paramLabel = "DIR",
            description = "A directory of templates to try (subject.ftl, body.txt.ftl, body.html.ftl, followup.txt.ftl;"
                    + " each one missing there is the global one).")
    String template;

    @Option(
            names = "--sample",
            paramLabel = "N",
            description = "With --template: how many prospects to draft (default " + DEFAULT_SAMPLE + ", at most "
                    + MAX_SAMPLE + "): those a draft job would draft next, then drafted ones.")
    Integer sample;

    @Option(
            names = "--campaign",
            paramLabel = "NAME",
            description = "With --template: only this campaign's prospects (its name and site are the variables).")
    String campaign;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    ProspectsPreviewCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (template == null) {
            if (id == null) {
                throw new OutreachException(
                        "Name the prospect to preview, or give --template DIR to try templates.", ExitCodes.USAGE);
            }
            if (sample != null || campaign != null) {
                throw new OutreachException("--sample and --campaign go with --template DIR.", ExitCodes.USAGE);
            }
            return message(ProspectsCommand.prospectId(id));
        }
        if (id != null && (sample != null || campaign != null)) {
            throw new OutreachException(
                    "Give either a prospect's id or --sample/--campaign with --template, not both.", ExitCodes.USAGE);
        }
        int n = sample == null ? DEFAULT_SAMPLE : sample;
        if (n < 1 || n > MAX_SAMPLE) {
            throw new OutreachException("--sample must be from 1 to " + MAX_SAMPLE + ".", ExitCodes.USAGE);
        }
        return samples(n);
    }

    // ---- prospects preview ID

    private int message(UUID prospectId) throws Exception {
        OutreachConfig config = context.config();
        try (Database db = context.openDatabase()) {
            Map<String, Object> p = new ProspectStore(db.dataSource())
                    .find(prospectId)
                    .orElseThrow(() ->
                            new OutreachException("No prospect has the id " + prospectId + ".", ExitCodes.FAILURE));
            String status = String.valueOf(p.get("outreach_status"));
            String named = "Prospect " + prospectId + " (" + TerminalText.line(p.get("domain")) + ")";
            Optional<String> why = noMessage(status, p);
            if (why.isPresent()) {
                throw new OutreachException(named + " " + why.get(), ExitCodes.FAILURE);
            }
            String to = (String) p.get("contact_email");
            if (to != null && new Suppressions(db.dataSource()).covers(to)) {
                throw new OutreachException(
                        named + ": its address " + TerminalText.line(to) + " is on the suppression list (itself or"
                                + " its domain); the send stage will not write to it.",
                        ExitCodes.FAILURE);
            }
            Map<String, Object> facts =
                    new DraftDecisions(db.dataSource()).messageFacts(prospectId).orElseThrow();
            MessagePreview.Preview preview = MessagePreview.from(config)
                    .render(
                            prospectId,
                            (String) facts.get("campaign_mailboxes"),
                            (String) facts.get("contact_email"),
                            (String) facts.get("draft_subject"),
                            (String) facts.get("draft_body"),
                            (String) facts.get("draft_html"));
            if (preview.message() == null) {
                throw new OutreachException(
                        named + ": its message cannot be built now:\n  - "
                                + String.join(
                                        "\n  - ",
                                        preview.problems().stream()
                                                .map(TerminalText::line)
                                                .toList()),
                        ExitCodes.FAILURE);
            }
            if (json) {
                var body = new LinkedHashMap<String, Object>();
                body.put("id", prospectId.toString());
                body.put("domain", p.get("domain"));
                body.put("outreach_status", status);
                body.put("message", preview.message());
                context.out().println(ProspectsCommand.JSON.writeValueAsString(body));
            } else {
                print(context.out(), named + ", " + status, preview.message());
            }
            return ExitCodes.OK;
        }
    }

    /** Why the prospect has no first message waiting to go out, said after its name; empty when it has one. */
    static Optional<String> noMessage(String status, Map<String, Object> p) {
        if (WAITING.contains(status)) {
            return p.get("draft_subject") == null
                    ? Optional.of("has no draft (status " + status + ").")
                    : Optional.empty();
        }
        if (status.equals("draft_failed")) {
            return Optional.of("has no draft: drafting it failed: " + TerminalText.line(p.get("last_error"))
                    + ". Fix the cause and run `outreach prospects redraft " + p.get("id") + "`.");
        }
        if (status.equals("sending")) {
            return Optional.of("is being sent right now (status sending).");
        }
        if (status.equals("send_unknown")) {
            return Optional.of("was being sent when its delivery became unknown (status send_unknown); `outreach"
                    + " prospects resend " + p.get("id") + "` would send it again, `prospects mark-sent` records it"
                    + " as sent.");
        }
        if (SENT.contains(status)) {
            return Optional.of("was sent already (status " + status
                    + (p.get("last_sent") == null ? "" : ", sent " + p.get("last_sent"))
                    + "); its first message will not go out again.");
        }
        if (NOT_CONTACTED.contains(status)) {
            return Optional.of("will not be contacted (status " + status
                    + (p.get("rejected_reason") == null ? "" : ": " + TerminalText.line(p.get("rejected_reason")))
                    + ").");
        }
        return Optional.of("has no draft yet (status " + status + "); a draft job drafts it once it has a contact.");
    }

    /** The message as a mail client's "show original" would show it, decoded; third-party text neutralised. */
    @SuppressWarnings("unchecked")
    static void print(PrintWriter out, String title, Map<String, Object> message) {
        List<String> mailboxes = (List<String>) message.get("mailboxes");
        out.println(title + ": the first message as the send stage would send it now, from mailbox "
                + message.get("mailbox")
                + (mailboxes.size() > 1 ? " (it rotates over " + String.join(", ", mailboxes) + ")" : "") + ".");
        out.println();
        var headers = (Map<String, Object>) message.get("headers");
        boolean setAtSendShown = false;
        for (Map.Entry<String, Object> h : headers.entrySet()) {
            // a folded header unfolds to "; \tboundary=": the tab is folding white space, shown as a space
            out.println(h.getKey() + ": "
                    + TerminalText.line(String.valueOf(h.getValue()).replaceAll("[ ]*\t[ \t]*", " ")));
            if (h.getKey().equalsIgnoreCase("Subject")) {
                setAtSend(out);
                setAtSendShown = true;
            }
        }
        if (!setAtSendShown) {
            setAtSend(out);
        }
        part(out, "text/plain", (String) message.get("text"));
        if (message.get("html") != null) {
            part(out, "text/html", (String) message.get("html"));
        } else {
            out.println();
            out.println("(no HTML part: it goes out as text only)");
        }
        out.println();
        out.println(message.get("note"));
    }

    private static void setAtSend(PrintWriter out) {
        for (String name : MessagePreview.SET_AT_SEND) {
            out.println(name + ": (set when the message is sent)");
        }
    }

    private static void part(PrintWriter out, String type, String text) {
        out.println();
        out.println("----- " + type + " -----");
        String body = TerminalText.block(text);
        out.print(body.endsWith("\n") ? body : body + "\n");
    }

    // ---- prospects preview --template DIR

    private int samples(int n) throws Exception {
        OutreachConfig config = context.config();
        Stage.Readiness ready = Stage.DRAFTING.check(config);
        if (!ready.ready()) {
            throw new OutreachException("Nothing can be drafted: " + ready.sentence() + ".", ExitCodes.USAGE);
        }
        Path dir = directory(template);
        DraftTemplates global = DraftTemplates.configured(config.get("outreach.drafts.templates-dir"), context.home());
        try (Database db = context.openDatabase()) {
            Campaign named = campaign == null ? null : CampaignOption.require(db, campaign);
            // The check `campaign create/update --templates` makes: a syntax error or an unknown variable is
            // refused here with its file and line, once, rather than shown as the failure of every sample.
            List<String> problems = CampaignTemplatesCheck.problems(
                    new CampaignPitch(
                            named == null ? null : named.name(),
                            named == null ? "https://site.example" : named.siteUrl(),
                            dir.toString()),
                    global);
            if (!problems.isEmpty()) {
                throw new OutreachException(
                        "The templates in " + TerminalText.line(dir) + " were not tried:\n  - "
                                + String.join(
                                        "\n  - ",
                                        problems.stream()
                                                .map(TerminalText::line)
                                                .toList()),
                        ExitCodes.USAGE);
            }
            DraftSettings drafts = DraftSettings.from(config);
            var stage = new DraftStage(
                    new DraftRenderer(new TemplateEngine(global, context.home()), drafts.html()),
                    drafts,
                    ready,
                    DraftGates.of(GateSettings.from(config)));
            var sampler = new SampleDrafts(db.dataSource(), stage);
            List<UUID> ids = id != null
                    ? List.of(ProspectsCommand.prospectId(id))
                    : sampler.sample(named == null ? null : named.id(), n);
            if (ids.isEmpty()) {
                throw new OutreachException(
                        "No prospect to draft"
                                + (named == null ? "" : " in campaign " + named.name())
                                + ": none is enriched, drafted, approved or draft_failed with a contact address.",
                        ExitCodes.FAILURE);
            }
            var results = new ArrayList<SampleDrafts.Sample>();
            for (UUID prospectId : ids) {
                results.add(sampler.render(prospectId, dir)
                        .orElseThrow(() -> new OutreachException(
                                "No prospect has the id " + prospectId + ".", ExitCodes.FAILURE)));
            }
            if (json) {
                context.out().println(ProspectsCommand.JSON.writeValueAsString(json(dir, results)));
            } else {
                printSamples(context.out(), dir, results);
            }
            return results.stream().allMatch(s -> s.draft() != null) ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    /** The directory as typed, from the person's working directory, absolute (as `campaign --templates` stores it). */
    private Path directory(String typed) {
        try {
            return context.workDir().resolve(typed.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new OutreachException(
                    "'" + TerminalText.line(typed) + "' is not a directory path: " + e.getReason() + ".",
                    ExitCodes.USAGE);
        }
    }

    private static void printSamples(PrintWriter out, Path dir, List<SampleDrafts.Sample> results) {
        long passed = results.stream().filter(s -> s.draft() != null).count();
        out.println("Drafted " + results.size() + " prospect(s) with the templates in " + TerminalText.line(dir)
                + "; nothing was saved. " + passed + " passed every quality gate, " + (results.size() - passed)
                + " did not.");
        for (SampleDrafts.Sample s : results) {
            out.println();
            out.println("===== " + s.id() + " (" + TerminalText.line(s.domain()) + ", campaign "
                    + TerminalText.line(s.campaign()) + ")");
            if (s.draft() == null) {
                out.println((s.gate() == null ? "NOT RENDERED: " : "FAILS ") + TerminalText.line(s.failure()));
                continue;
            }
            out.println("Subject: " + TerminalText.line(s.draft().subject()));
            part(out, "text/plain", s.draft().textBody());
            if (s.draft().htmlBody() != null) {
                part(out, "text/html", s.draft().htmlBody());
            }
        }
        out.println();
        out.println("The footer (postal address, unsubscribe link) is added when a message is sent; `outreach"
                + " prospects preview ID` shows a saved draft as it would go out.");
    }

    private static Map<String, Object> json(Path dir, List<SampleDrafts.Sample> results) {
        var samples = new ArrayList<Map<String, Object>>();
        for (SampleDrafts.Sample s : results) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", s.id().toString());
            m.put("domain", s.domain());
            m.put("campaign", s.campaign());
            m.put("passed", s.draft() != null);
            m.put("subject", s.draft() == null ? null : s.draft().subject());
            m.put("text", s.draft() == null ? null : s.draft().textBody());
            m.put("html", s.draft() == null ? null : s.draft().htmlBody());
            m.put("gate", s.gate());
            m.put("failure", s.failure());
            samples.add(m);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("templates", dir.toString());
        body.put("saved", false);
        body.put("samples", samples);
        return body;
    }
}
