package dev.outreachpipeline.drafting;

import dev.outreachpipeline.config.ConfigException;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the draft templates are read from. The templates ship inside the jar under config/templates,
 * so the jar drafts anywhere; a folder on disk wins file by file when present, so an operator can
 * change one template and keep the shipped copy of the others.
 *
 * @param loader what FreeMarker reads the templates through
 * @param name   what error messages call it: a folder, or "the built-in config/templates"
 */
public record DraftTemplates(TemplateLoader loader, String name) {

    /** The templates as shipped in the jar. */
    public static final String BUILT_IN = "config/templates";

    public static DraftTemplates builtIn() {
        return new DraftTemplates(builtInLoader(), "the built-in " + BUILT_IN);
    }

    /** The templates in {@code dir}, which must exist; a template missing there comes from the jar. */
    public static DraftTemplates directory(Path dir) {
        try {
            var multi = new MultiTemplateLoader(
                    new TemplateLoader[] {new FileTemplateLoader(dir.toFile()), builtInLoader()});
            // Look in the folder every time, so a template added there while the daemon runs is used.
            multi.setSticky(false);
            return new DraftTemplates(multi, dir + " (else the built-in " + BUILT_IN + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The folder {@code outreach.drafts.templates-dir} names (a relative path is taken from
     * {@code workDir}) when it exists; else, for the default path, the copy shipped in the jar.
     *
     * @throws ConfigException when a folder other than the default is named and does not exist: a
     *                         typo there must not quietly send the built-in text instead
     */
    public static DraftTemplates configured(String configuredDir, Path workDir) {
        Path path = Path.of(configuredDir.trim());
        Path dir = path.isAbsolute() || workDir == null ? path : workDir.resolve(path);
        if (Files.isDirectory(dir)) {
            return directory(dir);
        }
        if (!path.isAbsolute() && path.normalize().toString().replace('\\', '/').equals(BUILT_IN)) {
            return builtIn();
        }
        throw new ConfigException(List.of("'outreach.drafts.templates-dir' names " + dir
                + ", which is not a folder (leave it at " + BUILT_IN + " to use the built-in templates)"));
    }

    private static TemplateLoader builtInLoader() {
        return new ClassTemplateLoader(DraftTemplates.class.getClassLoader(), BUILT_IN);
    }

    @Override
    public String toString() {
        return name;
    }
}
