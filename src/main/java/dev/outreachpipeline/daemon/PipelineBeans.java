package dev.outreachpipeline.daemon;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.discovery.Categories;
import dev.outreachpipeline.discovery.DataForSeoClient;
import dev.outreachpipeline.discovery.DataForSeoSettings;
import dev.outreachpipeline.discovery.DiscoverJob;
import dev.outreachpipeline.discovery.DiscoverySchedule;
import dev.outreachpipeline.discovery.DiscoverySettings;
import dev.outreachpipeline.discovery.Locations;
import dev.outreachpipeline.discovery.TableSource;
import dev.outreachpipeline.jobs.JobCheck;
import dev.outreachpipeline.jobs.JobFailures;
import dev.outreachpipeline.jobs.JobGuard;
import dev.outreachpipeline.jobs.JobTypes;
import dev.outreachpipeline.jobs.NodeIdentity;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

import java.nio.file.Path;

/** The beans the routes call by name, built from the configuration and bound into Camel's registry. */
final class PipelineBeans {

    private PipelineBeans() {
    }

    static void bind(CamelContext context, OutreachConfig config, NodeIdentity node, Path workDir) {
        var registry = context.getRegistry();
        ProducerTemplate producer = context.createProducerTemplate();
        var jobTypes = new JobTypes();
        jobTypes.setCamelContext(context);
        var jobCheck = new JobCheck(producer);
        var dataForSeo = new DataForSeoClient(DataForSeoSettings.from(config), producer);

        registry.bind("nodeIdentity", node);
        registry.bind("jobGuard", new JobGuard());
        registry.bind("jobTypes", jobTypes);
        registry.bind("jobFailures", new JobFailures());
        registry.bind("jobCheck", jobCheck);
        registry.bind("dataForSeo", dataForSeo);
        var locations = Locations.load(TableSource.configured("outreach.discovery.locations-file",
                config.get("outreach.discovery.locations-file"), workDir));
        var categories = Categories.load(TableSource.configured("outreach.discovery.categories-file",
                config.get("outreach.discovery.categories-file"), workDir));
        var discovery = DiscoverySettings.from(config);
        registry.bind("discoverJob", new DiscoverJob(discovery, locations, categories, dataForSeo, jobCheck));
        registry.bind("discoverySchedule", new DiscoverySchedule(locations, categories, discovery.defaultMaxResults()));
    }
}
