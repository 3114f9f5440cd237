package dev.outreachpipeline.drafting;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a prospect's first-contact draft from the FreeMarker templates subject.ftl, body.txt.ftl
 * and body.html.ftl, or from the settings row {@code email_template} where it overrides them.
 *
 * <p>A template that refers to an unknown variable, or uses a value this prospect lacks without a
 * default, fails the draft ({@link DraftFailed}): a hole in an email that goes out to a stranger is
 * worse than no email. The HTML body is rendered in FreeMarker's HTML output format, so every value
 * is escaped. The subject is made a valid header line whatever the template or the values hold.
 *
 * <p>Thread-safe: FreeMarker's configuration and parsed templates are shared by the workers.
 */
public final class DraftRenderer {

    public static final String SUBJECT_TEMPLATE = "subject.ftl";
    public static final String TEXT_TEMPLATE = "body.txt.ftl";
    public static final String HTML_TEMPLATE = "body.html.ftl";

    /** The longest line RFC 5322 allows, in characters (without its CRLF). */
    public static final int MAX_HEADER_LENGTH = 998;

    private final Configuration freemarker;
    private final DraftTemplates templates;
    private final boolean html;

    /**
     * @param templates where the template files are read
     * @param html      whether to render an HTML body beside the text one
     */
    public DraftRenderer(DraftTemplates templates, boolean html) {
        this.templates = templates;
        this.html = html;
        this.freemarker = configuration(templates);
    }

    /** The renderer the configuration asks for; a relative templates folder is taken from {@code workDir}. */
    public static DraftRenderer configured(DraftSettings settings, Path workDir) {
        return new DraftRenderer(DraftTemplates.configured(settings.templatesDir(), workDir), settings.html());
    }

    private static Configuration configuration(DraftTemplates templates) {
        var cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(templates.loader());
        cfg.setDefaultEncoding("UTF-8");
        // One template per name: no subject_en_US.ftl lookups before subject.ftl.
        cfg.setLocalizedLookup(false);
        cfg.setLocale(Locale.ENGLISH);
        cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        cfg.setTemplateConfigurations(new freemarker.cache.ConditionalTemplateConfigurationFactory(
                new freemarker.cache.FileNameGlobMatcher(HTML_TEMPLATE), htmlFormat()));
        // Errors are rethrown to us (and reported as DraftFailed), never printed into the text or logged twice.
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // Templates may come from a database row: they must not be able to instantiate Java classes.
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        return cfg;
    }

    private static TemplateConfiguration htmlFormat() {
        var tc = new TemplateConfiguration();
        tc.setOutputFormat(HTMLOutputFormat.INSTANCE);
        return tc;
    }

    /**
     * @param context               the prospect's values and the sender's name
     * @param settingsOverrideJson  the value of the settings row {@code email_template}, when there is one
     * @throws DraftFailed naming the template or setting at fault and what to do
     */
    public Draft render(DraftContext context, Optional<String> settingsOverrideJson) {
        Map<String, Object> variables = context.variables();
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

        String subject = sanitiseHeader(process(SUBJECT_TEMPLATE, override, variables));
        if (subject.isEmpty()) {
            throw new DraftFailed(describe(SUBJECT_TEMPLATE, override) + " rendered an empty subject");
        }
        String text = normaliseLineEndings(process(TEXT_TEMPLATE, override, variables));
        if (text.isBlank()) {
            throw new DraftFailed(describe(TEXT_TEMPLATE, override) + " rendered an empty body");
        }
        String htmlBody = html ? normaliseLineEndings(process(HTML_TEMPLATE, override, variables)) : null;
        return new Draft(subject, text, htmlBody);
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
        int cut = line.charAt(MAX_HEADER_LENGTH) == ' ' ? MAX_HEADER_LENGTH : line.lastIndexOf(' ', MAX_HEADER_LENGTH - 1);
        if (cut < MAX_HEADER_LENGTH / 2) {
            cut = MAX_HEADER_LENGTH;
            if (Character.isHighSurrogate(line.charAt(cut - 1))) {
                cut--;
            }
        }
        return line.substring(0, cut).stripTrailing();
    }

    private String process(String templateName, TemplateOverride override, Map<String, Object> variables) {
        Template template = template(templateName, override);
        var out = new StringWriter();
        try {
            template.process(variables, out);
        } catch (InvalidReferenceException e) {
            throw new DraftFailed(describe(templateName, override) + atLine(e) + ": " + missing(e), e);
        } catch (TemplateException e) {
            throw new DraftFailed(describe(templateName, override) + atLine(e) + ": " + summary(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw new DraftFailed(describe(templateName, override) + " could not be written: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private Template template(String templateName, TemplateOverride override) {
        Template template;
        try {
            Optional<String> source = override.source(templateName);
            template = source.isPresent()
                    ? parseOverride(templateName, source.get())
                    : freemarker.getTemplate(templateName);
        } catch (TemplateNotFoundException e) {
            throw new DraftFailed("template " + templateName + " is missing from " + templates, e);
        } catch (ParseException e) {
            throw new DraftFailed(describe(templateName, override) + " has a syntax error at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + summary(e.getEditorMessage()), e);
        } catch (IOException e) {
            throw new DraftFailed("template " + templateName + " cannot be read from " + templates + ": " + e.getMessage(), e);
        }
        // The HTML body must escape every value; a template that switches that off is refused.
        if (templateName.equals(HTML_TEMPLATE)
                && (template.getOutputFormat() != HTMLOutputFormat.INSTANCE || !template.getAutoEscaping())) {
            throw new DraftFailed(describe(templateName, override)
                    + " turns off HTML escaping (its <#ftl> header sets output_format or auto_esc); remove that");
        }
        return template;
    }

    /** An override is parsed the way its file would be: HTML output format for the HTML body. */
    private Template parseOverride(String templateName, String source) throws IOException {
        TemplateConfiguration format = templateName.equals(HTML_TEMPLATE) ? htmlFormat() : new TemplateConfiguration();
        format.setParentConfiguration(freemarker);
        Template template = new Template(templateName, "settings '" + TemplateOverride.SETTING + "'",
                new StringReader(source), freemarker, format, null);
        format.apply(template);
        return template;
    }

    private String describe(String templateName, TemplateOverride override) {
        return override.source(templateName).isPresent()
                ? "the " + templateName + " template from the setting '" + TemplateOverride.SETTING + "'"
                : "template " + templateName + " (" + templates + ")";
    }

    private static String atLine(TemplateException e) {
        return e.getLineNumber() == null ? "" : ", line " + e.getLineNumber();
    }

    /** Names the variable: unknown to drafts altogether, or one this prospect has no value for. */
    private static String missing(InvalidReferenceException e) {
        String expr = e.getBlamedExpressionString();
        if (expr == null || !expr.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return summary(e.getMessageWithoutStackTop());
        }
        if (DraftContext.VARIABLES.contains(expr)) {
            return "the variable '" + expr + "' is empty for this prospect and the template gives it no default;"
                    + " write ${" + expr + "!…} or <#if " + expr + "??>…</#if>";
        }
        return "unknown variable '" + expr + "'; the variables are " + String.join(", ", DraftContext.VARIABLES);
    }

    /** FreeMarker's message on one line, without the tips it appends after a "----" line. */
    private static String summary(String message) {
        String m = message == null ? "" : message;
        int tips = m.indexOf("\n----");
        String s = DraftContext.oneLine(tips < 0 ? m : m.substring(0, tips));
        return s == null ? "" : s;
    }

    private static String normaliseLineEndings(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }
}
