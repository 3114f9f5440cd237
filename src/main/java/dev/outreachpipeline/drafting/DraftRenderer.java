package dev.outreachpipeline.drafting;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a prospect's first-contact draft from the FreeMarker templates subject.ftl, body.txt.ftl
 * and, when HTML drafts are on and one is supplied, body.html.ftl. Each comes from the first of: the
 * prospect's campaign's templates directory, the settings row {@code email_template}, the global
 * templates folder. The campaign's directory is the most specific choice, so it wins file by file; a
 * file it lacks comes from where it would for a prospect of a campaign without a directory. No
 * body.html.ftl is shipped: a draft without one has no HTML body here, and the drafting stage makes
 * it from the text ({@link HtmlFromText}).
 *
 * <p>A template that refers to an unknown variable, or uses a value this prospect lacks without a
 * default, fails the draft ({@link DraftFailed}): a hole in an email that goes out to a stranger is
 * worse than no email. The HTML body is rendered in FreeMarker's HTML output format, so every value
 * is escaped. The subject is made a valid header line whatever the template or the values hold;
 * a subject template of several lines offers one subject per line, and {@link SubjectVariants}
 * chooses one per prospect.
 *
 * <p>Every template is read through the shared {@link TemplateEngine}, which lets it print values and
 * nothing more (no Java classes, no Java API).
 *
 * <p>Thread-safe: FreeMarker's configuration and parsed templates are shared by the workers.
 */
public final class DraftRenderer {

    public static final String SUBJECT_TEMPLATE = "subject.ftl";
    public static final String TEXT_TEMPLATE = "body.txt.ftl";
    public static final String HTML_TEMPLATE = "body.html.ftl";

    /** The longest line RFC 5322 allows, in characters (without its CRLF). */
    public static final int MAX_HEADER_LENGTH = 998;

    private final TemplateEngine engine;
    private final boolean html;

    /**
     * @param engine renders every template, restricted as its class comment says
     * @param html   whether to render an HTML body beside the text one
     */
    public DraftRenderer(TemplateEngine engine, boolean html) {
        this.engine = engine;
        this.html = html;
    }

    /** A renderer with an engine of its own over {@code templates}. */
    public DraftRenderer(DraftTemplates templates, boolean html) {
        this(new TemplateEngine(templates), html);
    }

    /** A draft outside any campaign: the global templates, no campaign variables. */
    public Draft render(DraftContext context, Optional<String> settingsOverrideJson) {
        return render(context, CampaignPitch.NONE, settingsOverrideJson);
    }

    /**
     * @param context               the prospect's values and the sender's name
     * @param campaign              the prospect's campaign: its variables and templates directory
     * @param settingsOverrideJson  the value of the settings row {@code email_template}, when there is one
     * @throws DraftFailed naming the template or setting at fault and what to do
     */
    public Draft render(DraftContext context, CampaignPitch campaign, Optional<String> settingsOverrideJson) {
        Map<String, Object> variables = context.variables();
        variables.putAll(campaign.variables());
        if (!variables.containsKey("senderName")) {
            throw new DraftFailed("the sender name is empty: set outreach.sender.name / OUTREACH_SENDER_NAME");
        }
        if (!variables.containsKey("contactEmail")) {
            throw new DraftFailed("the prospect has no contact email to write to");
        }
        if (!variables.containsKey("domain")) {
            throw new DraftFailed("the prospect has no domain");
        }
        TemplateOverride override = TemplateOverride.parse(settingsOverrideJson.orElse(null));
        CampaignFiles files = CampaignFiles.of(engine, campaign);

        SubjectVariants.Choice choice = SubjectVariants.choose(
                process(SUBJECT_TEMPLATE, override, files, variables), (String) variables.get("domain"));
        String subject = choice.subject();
        if (subject.isEmpty()) {
            throw new DraftFailed(describe(SUBJECT_TEMPLATE, override, files) + " rendered an empty subject");
        }
        String text = normaliseLineEndings(process(TEXT_TEMPLATE, override, files, variables));
        if (text.isBlank()) {
            throw new DraftFailed(describe(TEXT_TEMPLATE, override, files) + " rendered an empty body");
        }
        String htmlBody = html && hasHtmlTemplate(override, files)
                ? normaliseLineEndings(process(HTML_TEMPLATE, override, files, variables))
                : null;
        return new Draft(subject, text, htmlBody, choice.index());
    }

    /**
     * Whether an HTML body template was supplied: by the campaign's directory, the settings row, or the
     * global templates folder. None is shipped: without one the HTML part is made from the text
     * ({@link HtmlFromText}, by the drafting stage), so the two parts cannot say different things.
     */
    private boolean hasHtmlTemplate(TemplateOverride override, CampaignFiles files) {
        if (files.own(HTML_TEMPLATE) != null || override.source(HTML_TEMPLATE).isPresent()) {
            return true;
        }
        try {
            Object source = engine.templates().loader().findTemplateSource(HTML_TEMPLATE);
            if (source == null) {
                return false;
            }
            engine.templates().loader().closeTemplateSource(source);
            return true;
        } catch (IOException e) {
            throw new DraftFailed(
                    "template " + HTML_TEMPLATE + " in " + engine.templates() + " cannot be read: " + e.getMessage(),
                    e);
        }
    }

    /**
     * A value made fit for a mail header field: every control character (CR and LF above all, which
     * would start a header of the value's own choosing) and every run of whitespace becomes one
     * space, the ends are trimmed, and it is cut to {@value #MAX_HEADER_LENGTH} characters, at a
     * word boundary when there is one in the second half. Null gives "".
     */
    public static String sanitiseHeader(String value) {
        String line = DraftContext.oneLine(value);
        if (line == null) {
            return "";
        }
        if (line.length() <= MAX_HEADER_LENGTH) {
            return line;
        }
        int cut = line.charAt(MAX_HEADER_LENGTH) == ' '
                ? MAX_HEADER_LENGTH
                : line.lastIndexOf(' ', MAX_HEADER_LENGTH - 1);
        if (cut < MAX_HEADER_LENGTH / 2) {
            cut = MAX_HEADER_LENGTH;
            if (Character.isHighSurrogate(line.charAt(cut - 1))) {
                cut--;
            }
        }
        return line.substring(0, cut).stripTrailing();
    }

    private String process(
            String templateName, TemplateOverride override, CampaignFiles files, Map<String, Object> variables) {
        Template template = template(templateName, override, files);
        var out = new StringWriter();
        try {
            template.process(variables, out);
        } catch (InvalidReferenceException e) {
            throw new DraftFailed(
                    describe(templateName, override, files) + TemplateMessages.atLine(e) + ": "
                            + TemplateMessages.missing(e, DraftContext.VARIABLES, files.pitch()),
                    e);
        } catch (TemplateException e) {
            throw new DraftFailed(
                    describe(templateName, override, files) + TemplateMessages.atLine(e) + ": "
                            + TemplateMessages.summary(e.getMessageWithoutStackTop()),
                    e);
        } catch (IOException e) {
            throw new DraftFailed(
                    describe(templateName, override, files) + " could not be written: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private Template template(String templateName, TemplateOverride override, CampaignFiles files) {
        Template template;
        try {
            Optional<String> source = override.source(templateName);
            if (files.own(templateName) == null && source.isPresent()) {
                template = engine.text(templateName, "settings '" + TemplateOverride.SETTING + "'", source.get());
            } else if (files.directory() != null) {
                template = engine.file(templateName, files.directory());
            } else {
                template = engine.file(templateName);
            }
        } catch (TemplateNotFoundException e) {
            throw new DraftFailed("template " + templateName + " is missing from " + engine.templates(), e);
        } catch (ParseException e) {
            throw new DraftFailed(
                    describe(templateName, override, files) + " has a syntax error at line " + e.getLineNumber()
                            + ", column " + e.getColumnNumber() + ": "
                            + TemplateMessages.summary(e.getEditorMessage()),
                    e);
        } catch (IOException e) {
            throw new DraftFailed(describe(templateName, override, files) + " cannot be read: " + e.getMessage(), e);
        }
        // The HTML body must escape every value; a template that switches that off is refused.
        if (templateName.equals(HTML_TEMPLATE) && !escapesHtml(template)) {
            throw new DraftFailed(describe(templateName, override, files)
                    + " turns off HTML escaping (its <#ftl> header sets output_format or auto_esc); remove that");
        }
        return template;
    }

    /** Whether an HTML body template escapes every value it prints (a template's header can turn that off). */
    static boolean escapesHtml(Template template) {
        return template.getOutputFormat() == HTMLOutputFormat.INSTANCE && template.getAutoEscaping();
    }

    private String describe(String templateName, TemplateOverride override, CampaignFiles files) {
        if (files.own(templateName) != null) {
            return files.describeOwn(templateName);
        }
        return override.source(templateName).isPresent()
                ? "the " + templateName + " template from the setting '" + TemplateOverride.SETTING + "'"
                : "template " + templateName + " (" + engine.templates() + ")";
    }

    private static String normaliseLineEndings(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
