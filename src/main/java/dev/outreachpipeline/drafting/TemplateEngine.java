package dev.outreachpipeline.drafting;

import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.TemplateLoader;
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
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one FreeMarker configuration every template of the pipeline is read and rendered with: the
 * drafts' subject and bodies, the follow-up, the templates the settings row
 * {@code email_template} holds, and every campaign's own templates (read through
 * {@link CampaignTemplateLoader}, so a campaign's file and the global one it stands in for are parsed
 * and restricted alike).
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
 *
 * <p>Not a new configuration per campaign: the restrictions above are set in one place only, and a
 * campaign's directory is only a place its files are looked up first.
 */
public final class TemplateEngine {

    /** Templates whose name matches this are rendered in HTML output format, every value escaped. */
    static final String HTML_TEMPLATES = "*.html.ftl";

    private final Configuration freemarker;
    private final DraftTemplates templates;
    private final CampaignTemplateLoader loader;
    private final Path workDir;

    public TemplateEngine(DraftTemplates templates) {
        this(templates, null);
    }

    /**
     * @param workDir what a relative campaign templates directory is taken from (the CLI stores
     *                absolute ones); null for the process's working directory
     */
    public TemplateEngine(DraftTemplates templates, Path workDir) {
        this.templates = templates;
        this.loader = new CampaignTemplateLoader(templates.loader());
        this.workDir = workDir;
        this.freemarker = configuration(loader);
    }

    private static Configuration configuration(TemplateLoader loader) {
        var cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(loader);
        cfg.setDefaultEncoding("UTF-8");
        // One template per name: no subject_en_US.ftl lookups before subject.ftl.
        cfg.setLocalizedLookup(false);
        // Look at a template file's modification time at every use (a stat) rather than FreeMarker's default of
        // every 5 s: an operator edits a campaign's template and runs `prospects redraft` at once, and the draft
        // job that starts a second later must not render the text parsed before the edit.
        cfg.setTemplateUpdateDelayMilliseconds(0);
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
     * The template file {@code name} from a campaign's directory, or the global one when the
     * directory lacks it; parsed once per directory and cached.
     *
     * @param campaignDir an existing directory (see {@link #campaignDirectory})
     */
    Template file(String name, Path campaignDir) throws IOException {
        return freemarker.getTemplate(loader.nameIn(campaignDir, name));
    }

    /** The campaign's templates directory, relative ones taken from the work directory; null for none. */
    Path campaignDirectory(CampaignPitch pitch) {
        return pitch.directory(workDir);
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
