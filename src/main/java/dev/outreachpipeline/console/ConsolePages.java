package dev.outreachpipeline.console;

import dev.outreachpipeline.drafting.DraftTemplates;
import dev.outreachpipeline.drafting.TemplateEngine;
import freemarker.cache.ClassTemplateLoader;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * The console's pages: FreeMarker templates under {@code console/} in the jar, read through the
 * project's one {@link TemplateEngine}, so they get the same restrictions as the drafts and, being
 * {@code *.html.ftl}, its HTML output format: every value printed is escaped unless a template says
 * otherwise, which is what keeps a hostile page title on the review queue text. Only the loader differs
 * (these pages are ours, not an operator's, so no folder on disk overrides them).
 */
public final class ConsolePages {

    static final String FOLDER = "console";

    private final TemplateEngine engine;

    public ConsolePages() {
        this.engine = new TemplateEngine(new DraftTemplates(
                new ClassTemplateLoader(ConsolePages.class.getClassLoader(), FOLDER), "the built-in console pages"));
    }

    /**
     * The page {@code name} (e.g. {@code login.html.ftl}) filled from {@code model}: strings, numbers,
     * booleans, lists and maps only.
     */
    public String render(String name, Map<String, ?> model) {
        try {
            var out = new StringWriter();
            engine.file(name).process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            // the pages ship in the jar; one that does not render is a bug in it
            throw new IllegalStateException("the console page " + name + " cannot be rendered: " + e.getMessage(), e);
        }
    }
}
