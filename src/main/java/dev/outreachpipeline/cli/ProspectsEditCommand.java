package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.SqlStatement;
import dev.outreachpipeline.drafting.Draft;
import dev.outreachpipeline.drafting.gates.DraftGates;
import dev.outreachpipeline.drafting.gates.DraftUnderReview;
import dev.outreachpipeline.drafting.gates.GateFailure;
import dev.outreachpipeline.drafting.gates.GateSettings;
import dev.outreachpipeline.prospects.DraftDecisions;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code prospects edit ID}: a draft's subject and text body changed in an editor, or from the command
 * line for scripts, and saved through {@link DraftDecisions#edit} — the API's {@code PUT …/draft} and
 * the console's edit — so an edit is held to the rules the send stage refuses a message by
 * ({@code sending/DraftRules}) and nothing else.
 *
 * <p>The quality gates are not applied as a refusal: they judge what a template (or a model) wrote
 * for a stranger, and an operator's own words are a decision a person made after reading them (a
 * second link, a word on the spam list may be exactly what they mean). Refusing them would also make
 * the command stricter than the API and the console, which save the same edit. A gate the edited
 * draft fails is named after saving, so the operator knows what the drafting stage would have said.
 */
@Command(
        name = "edit",
        mixinStandardHelpOptions = true,
        description = {
            "Change a draft's subject and text body: in $EDITOR (then $VISUAL, then vi on a terminal), on a file that"
                    + " holds \"Subject: ...\", a blank line and the body; or with --subject and/or --body-file.",
            "The edit is checked as the send stage checks a message (a one-line subject, no control characters, a"
                    + " non-empty body) and saved only when it passes; a changed text clears the HTML part. Only a"
                    + " drafted prospect, or an approved one not yet claimed for sending, can be edited.",
            "Exit 0 when saved (or nothing changed), 1 when the prospect cannot be edited, 2 when the edit is refused"
                    + " (the reasons are printed and, from the editor, the edited file is kept)."
        })
final class ProspectsEditCommand implements Callable<Integer> {

    private static final List<String> EDITABLE = List.of("drafted", "approved");

    private final CliContext context;

    @Parameters(paramLabel = "ID", description = "The prospect's id (as `prospects list` shows it).")
    String id;

    @Option(
            names = "--subject",
            paramLabel = "S",
            description = "The new subject (one line); without --body-file the body stays as it is.")
    String subject;

    @Option(
            names = "--body-file",
            paramLabel = "F",
            description = "A UTF-8 file holding the new text body ('-' reads standard input); without --subject the"
                    + " subject stays as it is.")
    String bodyFile;

    ProspectsEditCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        UUID prospectId = ProspectsCommand.prospectId(id);
        try (Database db = context.openDatabase()) {
            var decisions = new DraftDecisions(db.dataSource());
            Map<String, Object> facts = decisions
                    .messageFacts(prospectId)
                    .orElseThrow(() ->
                            new OutreachException("No prospect has the id " + prospectId + ".", ExitCodes.FAILURE));
            String status = String.valueOf(facts.get("outreach_status"));
            if (!EDITABLE.contains(status) || facts.get("draft_subject") == null) {
                throw new OutreachException(
                        "Prospect " + prospectId + " is " + status + "; only a drafted prospect, or an approved one"
                                + " not yet claimed for sending, has a draft that can be edited.",
                        ExitCodes.FAILURE);
            }
            String oldSubject = (String) facts.get("draft_subject");
            String oldBody = (String) facts.get("draft_body");
            Map<String, Object> prospect = draftContext(db, prospectId);
            String domain = prospect.get("domain") == null ? "" : String.valueOf(prospect.get("domain"));

            String newSubject;
            String newBody;
            Path kept = null;
            if (subject == null && bodyFile == null) {
                kept = edited(prospectId, domain, oldSubject, oldBody);
                DraftFile.Read read = DraftFile.read(Files.readString(kept, StandardCharsets.UTF_8));
                if (read.empty()) {
                    Files.deleteIfExists(kept);
                    context.out().println("The file was emptied: the edit is cancelled, nothing was saved.");
                    return ExitCodes.FAILURE;
                }
                if (read.problem() != null) {
                    return refused(prospectId, List.of(read.problem()), kept);
                }
                newSubject = read.subject();
                newBody = read.body();
            } else {
                newSubject = subject != null ? subject : oldSubject;
                newBody = bodyFile != null ? body(bodyFile) : oldBody;
            }
            if (newSubject.equals(oldSubject) && same(newBody, oldBody)) {
                if (kept != null) {
                    Files.deleteIfExists(kept);
                }
                context.out().println("Nothing changed; the draft of prospect " + prospectId + " was not saved.");
                return ExitCodes.OK;
            }
            DraftDecisions.Outcome outcome = decisions.edit(prospectId, newSubject, newBody);
            if (!outcome.done()) {
                return outcome.result() == DraftDecisions.Result.INVALID
                        ? refused(prospectId, outcome.reasons(), kept)
                        : conflict(prospectId, outcome.reasons(), kept);
            }
            if (kept != null) {
                Files.deleteIfExists(kept);
            }
            context.out()
                    .println("Saved the draft of prospect " + prospectId + " (" + outcome.status() + ")."
                            + (outcome.note() == null ? "" : " Note: " + outcome.note() + "."));
            gateNote(prospect, newSubject, newBody)
                    .ifPresent(f -> context.err()
                            .println("Note: as drafted, this would fail " + TerminalText.line(f.recorded())
                                    + ". It is saved: the gates judge what the templates write, an edit is yours."));
            return ExitCodes.OK;
        }
    }

    /** The reasons on stderr, where the edited text is kept when it came from the editor; exit 2. */
    private int refused(UUID prospectId, List<String> reasons, Path kept) {
        reasons.forEach(r -> context.err().println(prospectId + ": not saved: " + TerminalText.line(r) + "."));
        keptNote(prospectId, kept);
        return ExitCodes.USAGE;
    }

    private int conflict(UUID prospectId, List<String> reasons, Path kept) {
        reasons.forEach(r -> context.err().println(prospectId + ": not saved: " + TerminalText.line(r) + "."));
        keptNote(prospectId, kept);
        return ExitCodes.FAILURE;
    }

    private void keptNote(UUID prospectId, Path kept) {
        if (kept != null) {
            context.err()
                    .println("Your edit is kept in " + kept + "; copy from it, or save it as the body with"
                            + " `outreach prospects edit " + prospectId + " --subject S --body-file F`.");
        }
    }

    /** Equal but for trailing white space, which the send stage drops (an editor adds a final line break). */
    private static boolean same(String a, String b) {
        return (a == null ? "" : a.stripTrailing()).equals(b == null ? "" : b.stripTrailing());
    }

    /** The page and target site a gate checks links against, and the domain (draft-context.sql). */
    private static Map<String, Object> draftContext(Database db, UUID prospectId) throws java.sql.SQLException {
        List<Map<String, Object>> rows =
                SqlStatement.DRAFT_CONTEXT.jdbc().rows(db.dataSource(), Map.of("prospectId", prospectId.toString()));
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    /** The first quality gate the saved edit fails, said as advice (see the class comment). */
    private Optional<GateFailure> gateNote(Map<String, Object> draftContext, String newSubject, String newBody) {
        String text = newBody.replace("\r\n", "\n").replace('\r', '\n');
        return DraftGates.of(GateSettings.from(context.config()))
                .firstFailure(new DraftUnderReview(
                        new Draft(newSubject, text, null), (String) draftContext.get("page_url"), (String)
                                draftContext.get("campaign_site_url")));
    }

    /** The text of --body-file, or of standard input for '-'. */
    private String body(String file) {
        try {
            if (file.equals("-")) {
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(System.in.readAllBytes()))
                        .toString();
            }
            return Files.readString(context.workDir().resolve(file), StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new OutreachException(
                    "The body " + (file.equals("-") ? "on standard input" : "file " + TerminalText.line(file))
                            + " is not UTF-8 text.",
                    ExitCodes.USAGE);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new OutreachException(
                    "The body file " + TerminalText.line(file) + " cannot be read: " + TerminalText.line(e.getMessage())
                            + ".",
                    ExitCodes.USAGE);
        }
    }

    /**
     * Opens the editor on a file holding the draft and waits for it; the file as the editor left it.
     * The file stays where it is until the edit is saved (or nothing changed), so nothing typed is lost.
     */
    private Path edited(UUID prospectId, String domain, String oldSubject, String oldBody) throws IOException {
        String editor = editor();
        Path file = ownerOnlyTempFile(prospectId);
        String written = DraftFile.write(prospectId, domain, oldSubject, oldBody);
        Files.writeString(file, written, StandardCharsets.UTF_8);
        context.out().flush();
        context.err().flush();
        int exit;
        try {
            // As git runs $EDITOR: through the shell, so "code --wait" or "emacs -nw" work, the file its last argument.
            Process process = new ProcessBuilder("sh", "-c", editor + " \"$@\"", editor, file.toString())
                    .inheritIO()
                    .start();
            exit = process.waitFor();
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw new OutreachException(
                    "The editor could not be started (" + e.getMessage() + "); nothing was saved.", ExitCodes.FAILURE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutreachException(
                    "Interrupted while the editor was open; nothing was saved. The file is kept in " + file + ".",
                    ExitCodes.FAILURE);
        }
        if (exit != 0) {
            if (Files.readString(file, StandardCharsets.UTF_8).equals(written)) {
                // nothing was typed: no file to keep
                Files.deleteIfExists(file);
                throw new OutreachException(
                        "The editor (" + TerminalText.line(editor) + ") ended with exit code " + exit
                                + (exit == 127 ? " (command not found: set EDITOR)" : "") + "; nothing was saved.",
                        ExitCodes.FAILURE);
            }
            throw new OutreachException(
                    "The editor (" + TerminalText.line(editor) + ") ended with exit code " + exit
                            + (exit == 127 ? " (command not found: set EDITOR)" : "")
                            + "; nothing was saved. The file is kept in " + file + ".",
                    ExitCodes.FAILURE);
        }
        return file;
    }

    /**
     * $EDITOR, else $VISUAL, else vi when there is a terminal to show it on: started without one, vi
     * would wait for keys nobody can type.
     */
    private String editor() {
        for (String name : List.of("EDITOR", "VISUAL")) {
            String value = context.env().get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        if (System.console() != null) {
            return "vi";
        }
        throw new OutreachException(
                "No editor: neither EDITOR nor VISUAL is set, and this is not a terminal to start vi on. Set EDITOR,"
                        + " or give --subject and/or --body-file.",
                ExitCodes.USAGE);
    }

    private static Path ownerOnlyTempFile(UUID prospectId) throws IOException {
        String prefix = "outreach-draft-" + prospectId + "-";
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(
                    prefix, ".txt", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(prefix, ".txt");
    }
}
