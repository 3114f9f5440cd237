package dev.outreachpipeline.daemon;

import dev.outreachpipeline.config.ConfigException;
import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.discovery.Categories;
import dev.outreachpipeline.discovery.Locations;
import dev.outreachpipeline.discovery.TableSource;
import dev.outreachpipeline.drafting.DraftTemplates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the daemon reads when it starts, beside the configuration (the location and category
 * tables, the templates folder): a missing or broken one stops the start ({@link PipelineBeans}), so
 * {@code config check} reads them the same way and reports the same problems first.
 */
public final class StartupFiles {

    private StartupFiles() {}

    /** Every problem with those files, all at once; empty when the daemon can read them. */
    public static List<String> problems(OutreachConfig config, Path workDir) {
        var problems = new ArrayList<String>();
        try {
            Locations.load(TableSource.configured(
                    "outreach.discovery.locations-file", config.get("outreach.discovery.locations-file"), workDir));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        try {
            Categories.load(TableSource.configured(
                    "outreach.discovery.categories-file", config.get("outreach.discovery.categories-file"), workDir));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        try {
            DraftTemplates.configured(config.get("outreach.drafts.templates-dir"), workDir);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        return problems;
    }
}
