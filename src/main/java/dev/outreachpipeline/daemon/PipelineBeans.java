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
import dev.outreachpipeline.drafting.DraftRenderer;
import dev.outreachpipeline.drafting.DraftSettings;
import dev.outreachpipeline.drafting.DraftStage;
import dev.outreachpipeline.enrichment.ContactRules;
import dev.outreachpipeline.enrichment.HunterClient;
import dev.outreachpipeline.enrichment.HunterSettings;
import dev.outreachpipeline.enrichment.ProspectEnricher;
import dev.outreachpipeline.jobs.DaemonStopping;
import dev.outreachpipeline.jobs.JobCheck;
import dev.outreachpipeline.jobs.JobFailures;
import dev.outreachpipeline.jobs.JobGuard;
import dev.outreachpipeline.jobs.JobTypes;
import dev.outreachpipeline.jobs.NodeIdentity;
import dev.outreachpipeline.sending.SendSettings;
import dev.outreachpipeline.sending.SendStage;
import dev.outreachpipeline.sending.SmtpSettings;
import java.nio.file.Path;
import org.apache.camel.CamelContext;

/** The beans the routes call by name, built from the configuration and bound into Camel's registry. */
final class PipelineBeans {

    private PipelineBeans() {}

    static void bind(
            CamelContext context, OutreachConfig config, NodeIdentity node, DaemonStopping stopping, Path workDir) {
        var registry = context.getRegistry();
        var jobTypes = new JobTypes();
        jobTypes.setCamelContext(context);
        var dataSource = registry.lookupByNameAndType("dataSource", javax.sql.DataSource.class);
        var jobGuard = new JobGuard(stopping);
        var jobCheck = new JobCheck(dataSource, jobGuard);
        var providerCalls =
                registry.lookupByNameAndType("providerCalls", dev.outreachpipeline.providers.ProviderCalls.class);
        var limits = new dev.outreachpipeline.providers.ProviderLimits(dataSource);
        var dataForSeoSettings = DataForSeoSettings.from(config);
        var dataForSeo = new DataForSeoClient(
                dataForSeoSettings, limits.dataForSeo(dataForSeoSettings.callsPerMinute()), providerCalls);

        registry.bind("nodeIdentity", node);
        registry.bind("jobGuard", jobGuard);
        registry.bind("jobTypes", jobTypes);
        registry.bind("jobFailures", new JobFailures());
        registry.bind("batchFailures", new dev.outreachpipeline.jobs.BatchFailures());
        // the threads that look prospects up at Hunter side by side; the client's bulkhead caps calls in flight
        registry.bind(
                "enrichmentLookups",
                context.getExecutorServiceManager()
                        .newFixedThreadPool(
                                context, "enrichment-lookups", config.getInt("outreach.hunter.concurrency")));
        registry.bind("jobCheck", jobCheck);
        registry.bind("dataForSeo", dataForSeo);
        var locations = Locations.load(TableSource.configured(
                "outreach.discovery.locations-file", config.get("outreach.discovery.locations-file"), workDir));
        var categories = Categories.load(TableSource.configured(
                "outreach.discovery.categories-file", config.get("outreach.discovery.categories-file"), workDir));
        var discovery = DiscoverySettings.from(config);
        var sentCalls = new dev.outreachpipeline.discovery.SentCalls(dataSource);
        var discoverJob = new DiscoverJob(discovery, locations, categories, dataForSeo, jobCheck, sentCalls);
        registry.bind("discoverJob", discoverJob);
        registry.bind(
                "standardCollector",
                new dev.outreachpipeline.discovery.StandardCollector(
                        dataForSeo, discoverJob, jobCheck, sentCalls, dataSource));
        var rules = new ContactRules(
                java.util.Arrays.stream(
                                config.get("outreach.enrichment.target-roles").split(","))
                        .map(String::trim)
                        .filter(r -> !r.isEmpty())
                        .toList(),
                config.getInt("outreach.enrichment.min-confidence"),
                config.getBoolean("outreach.enrichment.allow-generic"),
                config.getBoolean("outreach.enrichment.drop-disposable"),
                config.getBoolean("outreach.enrichment.drop-webmail"),
                ContactRules.DEFAULT_GENERIC_LOCAL_PARTS);
        var hunter = HunterSettings.from(config);
        var hunterClient = new HunterClient(
                hunter,
                limits.hunterSearch(hunter.perSecond(), hunter.perMinute()),
                limits.hunterVerifier(hunter.verifierPerSecond(), hunter.verifierPerMinute()),
                providerCalls);
        registry.bind("enrichment", new ProspectEnricher(hunterClient, rules, jobCheck, java.time.Clock.systemUTC()));
        var smtp = SmtpSettings.from(config);
        var send = SendSettings.from(config);
        var mailboxes = dev.outreachpipeline.sending.Mailboxes.from(config);
        // One camel-mail component per mailbox, each holding that mailbox's login: 'smtp' for default (as
        // always), 'smtp-ID' for a further one, so that credentials never appear in an endpoint URI.
        for (var mailbox : mailboxes.all()) {
            var mailConfiguration = new org.apache.camel.component.mail.MailConfiguration();
            if (!mailbox.smtp().username().isBlank()) {
                mailConfiguration.setUsername(mailbox.smtp().username());
                mailConfiguration.setPassword(mailbox.smtp().password());
            }
            mailConfiguration.setAdditionalJavaMailProperties(mailbox.smtp().mailProperties());
            mailConfiguration.setConnectionTimeout(
                    (int) mailbox.smtp().timeout().toMillis());
            String name = SendStage.componentName(mailbox.id());
            if (name.equals("smtp")) {
                context.getComponent("smtp", org.apache.camel.component.mail.MailComponent.class)
                        .setConfiguration(mailConfiguration);
            } else {
                // The component's name is not a protocol: the protocol is set, and the URI's scheme ignored.
                mailConfiguration.configureProtocol("smtp");
                mailConfiguration.setIgnoreUriScheme(true);
                var component = new org.apache.camel.component.mail.MailComponent(mailConfiguration);
                context.addComponent(name, component);
            }
        }
        registry.bind(
                "replies",
                dev.outreachpipeline.replies.MailboxReplies.of(
                        mailboxes, dev.outreachpipeline.replies.ReplySettings.from(config)));
        registry.bind("linkChecker", dev.outreachpipeline.links.LinkChecker.from(config, java.time.Clock.systemUTC()));
        var drafts = DraftSettings.from(config);
        // One template engine (and its restrictions) for the drafts and the follow-ups alike.
        var templates = new dev.outreachpipeline.drafting.TemplateEngine(
                dev.outreachpipeline.drafting.DraftTemplates.configured(drafts.templatesDir(), workDir), workDir);
        var followups = new dev.outreachpipeline.drafting.FollowupRenderer(
                templates, drafts.senderName(), drafts.senderSignature());
        registry.bind(
                "sending",
                new SendStage(
                        mailboxes,
                        send,
                        java.util.random.RandomGenerator.getDefault(),
                        followups,
                        java.time.Clock.systemUTC(),
                        providerCalls));
        var draftGates = dev.outreachpipeline.drafting.gates.DraftGates.of(
                dev.outreachpipeline.drafting.gates.GateSettings.from(config));
        var llm = dev.outreachpipeline.drafting.llm.LlmSettings.from(config);
        registry.bind(
                "drafting",
                new DraftStage(
                        new DraftRenderer(templates, drafts.html()),
                        drafts,
                        dev.outreachpipeline.config.Stage.DRAFTING.check(config),
                        draftGates,
                        llm.enabled()
                                ? new dev.outreachpipeline.drafting.llm.LlmDraftWriter(
                                        new dev.outreachpipeline.drafting.llm.LlmClient(llm, limits, providerCalls),
                                        llm,
                                        draftGates,
                                        workDir)
                                : null));
        registry.bind("discoverySchedule", new DiscoverySchedule(locations, categories, discovery.defaultMaxResults()));
        registry.bind(
                "campaignSchedules",
                new dev.outreachpipeline.campaigns.CampaignSchedules(
                        new dev.outreachpipeline.campaigns.CampaignDiscovery(
                                locations, categories, discovery.defaultMaxResults())));
    }
}
