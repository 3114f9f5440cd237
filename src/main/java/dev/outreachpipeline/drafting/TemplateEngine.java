package dev.outreachpipeline.drafting;

import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;

/**
 * The one FreeMarker configuration every template of the pipeline is read and rendered with: the
 * drafts' subject and bodies, the follow-up, and the templates the settings row
 * {@code email_template} holds.
 *
 * <p>Templates are not code we wrote: an operator edits the files, and the settings row (later the
 * console) lets anyone with database access write one. So a template can only print the values it
 * is given. It cannot instantiate a Java class ({@code ?new}, e.g. FreeMarker's own
 * {@code Execute}, which runs an OS command), cannot reach the Java API of a value ({@code ?api}),
 * and the object wrapper knows only strings, numbers, booleans, dates, lists and maps, so no
 * method of any Java object is visible. A template's {@code <#setting>} cannot change any of this:
 * FreeMarker only lets it set formats, locale and time zone.
 *
 * <p>Built once per templates folder and shared: FreeMarker's configuration and its cache of
 * parsed templates are thread-safe.
 */
public final class TemplateEngine {

    /** Templates whose name matches this are rendered in HTML output format, every value escaped. */
    static final String HTML_TEMPLATES = "*.html.ftl";

    private final Configuration freemarker;
    private final DraftTemplates templates;

    public TemplateEngine(DraftTemplates templates) {
        this.templates = templates;
        this.freemarker = configuration(templates);
    }

    private static Configuration configuration(DraftTemplates templates) {
        var cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(templates.loader());
        cfg.setDefaultEncoding("UTF-8");
        // One template per name: no subject_en_US.ftl lookups before subject.ftl.
        cfg.setLocalizedLookup(false);
        cfg.setLocale(Locale.ENGLISH);
        cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        cfg.setTemplateConfigurations(
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher(HTML_TEMPLATES), htmlFormat()));
        // Errors are rethrown to the renderer (and reported as DraftFailed), never printed into the text or logged
        // twice.
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // What a template may reach: see the class comment.
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        return cfg;
    }

    private static TemplateConfiguration htmlFormat() {
        var tc = new TemplateConfiguration();
        tc.setOutputFormat(HTMLOutputFormat.INSTANCE);
        return tc;
    }

    /** Where the template files come from, as messages name it. */
    public DraftTemplates templates() {
        return templates;
    }

    /**
     * The template file {@code name}, parsed once and cached. Public for the console's pages, which are
     * read through this same configuration from a loader of their own.
     *
     * @throws freemarker.template.TemplateNotFoundException when there is no such file
     * @throws freemarker.core.ParseException                when it has a syntax error
     */
    public Template file(String name) throws IOException {
        return freemarker.getTemplate(name);
    }

    /**
     * A template given as text (the settings row), parsed as its file {@code name} would be: in HTML
     * output format for an HTML body, and under the same restrictions as every other template.
     *
     * @param origin what error messages call its source
     * @throws freemarker.core.ParseException when it has a syntax error
     */
    Template text(String name, String origin, String source) throws IOException {
        TemplateConfiguration format = new FileNameGlobMatcher(HTML_TEMPLATES).matches(name, null)
                ? htmlFormat()
                : new TemplateConfiguration();
        format.setParentConfiguration(freemarker);
        Template template = new Template(name, origin, new StringReader(source), freemarker, format, null);
        format.apply(template);
        return template;
    }

    @Override
    public String toString() {
        return "TemplateEngine[" + templates + "]";
    }
}
