package dev.outreachpipeline.drafting;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.StatefulTemplateLoader;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The template loader behind the one FreeMarker configuration ({@link TemplateEngine}): a plain
 * name ({@code subject.ftl}) is a global template; a campaign-qualified name
 * ({@code @campaign/d1/subject.ftl}) is that file in a campaign's templates directory when it is
 * there, else the global one. So every campaign shares the configuration, its restrictions and its
 * cache of parsed templates, and a campaign's directory holds only the files it changes.
 *
 * <p>The qualifier is a key this loader hands out per directory ({@link #nameIn}), not the path
 * itself: a template (or the settings row) can reach a campaign's directory only once the campaign
 * named it, never an arbitrary folder through an {@code <#include>}. A directory that changes gets a
 * new key, so a template parsed from the old one is never served for it.
 */
final class CampaignTemplateLoader implements StatefulTemplateLoader {

    static final String PREFIX = "@campaign/";

    private final TemplateLoader global;
    private final Map<Path, String> keys = new ConcurrentHashMap<>();
    private final Map<String, TemplateLoader> directories = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    /** Where a template was found, so its reader and modification time come from the same loader. */
    private record Source(TemplateLoader loader, Object source) {}

    CampaignTemplateLoader(TemplateLoader global) {
        this.global = global;
    }

    /**
     * The name under which {@code file} is read from {@code dir}, or from the global templates when
     * {@code dir} lacks it.
     *
     * @param dir an existing directory
     * @throws IOException when it cannot be read (it was removed a moment ago)
     */
    String nameIn(Path dir, String file) throws IOException {
        Path key = dir.toAbsolutePath().normalize();
        try {
            String qualifier = keys.computeIfAbsent(key, d -> {
                String k = "d" + next.incrementAndGet();
                directories.put(k, fileLoader(d));
                return k;
            });
            return PREFIX + qualifier + "/" + file;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static TemplateLoader fileLoader(Path dir) {
        try {
            return new FileTemplateLoader(dir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the templates directory " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        if (!name.startsWith(PREFIX)) {
            return wrap(global, global.findTemplateSource(name));
        }
        String rest = name.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        TemplateLoader dir = slash < 0 ? null : directories.get(rest.substring(0, slash));
        if (dir == null) {
            return null;
        }
        String file = rest.substring(slash + 1);
        Object own = dir.findTemplateSource(file);
        return own != null ? new Source(dir, own) : wrap(global, global.findTemplateSource(file));
    }

    private static Object wrap(TemplateLoader loader, Object source) {
        return source == null ? null : new Source(loader, source);
    }

    @Override
    public long getLastModified(Object templateSource) {
        Source s = (Source) templateSource;
        return s.loader().getLastModified(s.source());
    }

    @Override
    public Reader getReader(Object templateSource, String encoding) throws IOException {
        Source s = (Source) templateSource;
        return s.loader().getReader(s.source(), encoding);
    }

    @Override
    public void closeTemplateSource(Object templateSource) throws IOException {
        Source s = (Source) templateSource;
        s.loader().closeTemplateSource(s.source());
    }

    @Override
    public void resetState() {
        if (global instanceof StatefulTemplateLoader stateful) {
            stateful.resetState();
        }
    }
}
