package dev.outreachpipeline.management;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.outreachpipeline.api.ApiRoutes;
import dev.outreachpipeline.campaigns.DiscoverSubmission;
import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.console.AdminRoutes;
import dev.outreachpipeline.console.AdminToken;
import dev.outreachpipeline.console.ConsoleServices;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.SchemaVersion;
import dev.outreachpipeline.providers.ProviderCalls;
import dev.outreachpipeline.sending.MessagePreview;
import dev.outreachpipeline.sending.SendSettings;
import dev.outreachpipeline.sending.SmtpSettings;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up the daemon's metrics and, unless outreach.management.enabled=false, the management port.
 * Binds {@code meterRegistry} (the Micrometer registry /metrics serves) and {@code providerCalls}
 * (what the provider clients and the sending stage count into) in Camel's registry.
 */
public final class Management {

    private static final Logger LOG = LoggerFactory.getLogger(Management.class);
    /** How long a health check or a metrics read waits for the database. */
    static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(2);
    /** How long database figures on /metrics are reused between scrapes. */
    static final Duration FIGURES_MAX_AGE = Duration.ofSeconds(5);

    private Management() {}

    /** @param workDir where relative paths in the settings (location and category tables) resolve */
    public static void install(CamelContext context, OutreachConfig config, Database db, Path workDir) {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        var gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        poolMetrics(db, registry);
        var providerCalls = new ProviderCalls(registry, Clock.systemUTC());
        context.getRegistry().bind("meterRegistry", registry);
        context.getRegistry().bind("providerCalls", providerCalls);
        context.getManagementStrategy().addEventNotifier(new StageItemCounter(registry));

        if (!config.getBoolean("outreach.management.enabled")) {
            LOG.info("Management endpoints are off (outreach.management.enabled=false)");
            gc.close();
            return;
        }
        var bounded = new BoundedDatabase(db.dataSource(), DATABASE_TIMEOUT);
        var send = SendSettings.from(config);
        String mailbox = SmtpSettings.from(config).from().toLowerCase(Locale.ROOT);
        var gauges = new DatabaseGauges(
                registry, bounded, mailbox, send.dailyCap(), send.hourlyCap(), FIGURES_MAX_AGE, Clock.systemUTC());
        var readiness = new Readiness(context, bounded, newestMigration(db), providerCalls);
        try {
            context.addService(new ManagementServer(
                    config.get("outreach.management.bind"),
                    config.getInt("outreach.management.port"),
                    readiness,
                    gauges,
                    registry,
                    admin(config, db, mailbox, send, workDir),
                    bounded,
                    gc));
        } catch (Exception e) {
            throw new IllegalStateException("cannot add the management server: " + e.getMessage(), e);
        }
    }

    /** The console and the API, or (no admin token) their answers saying how to turn them on. */
    private static AdminRoutes admin(
            OutreachConfig config, Database db, String mailbox, SendSettings send, Path workDir) {
        Optional<AdminToken> token = AdminToken.of(config.get("outreach.admin.token"));
        if (token.isEmpty()) {
            LOG.info(
                    "The console and the API are off: OUTREACH_ADMIN_TOKEN is not set (at least {} characters turn"
                            + " them on; /health and /metrics are served either way)",
                    AdminToken.MIN_CHARS);
        }
        return AdminRoutes.of(
                token,
                config.getBoolean("outreach.management.behind-https-proxy"),
                new ApiRoutes(
                        db.dataSource(),
                        mailbox,
                        send.dailyCap(),
                        send.hourlyCap(),
                        () -> DiscoverSubmission.from(config, workDir),
                        MessagePreview.from(config),
                        mailboxAddresses(config),
                        linkChecker(config)),
                new ConsoleServices(
                        db.dataSource(),
                        config,
                        () -> DiscoverSubmission.from(config, workDir),
                        workDir,
                        Clock.systemUTC()));
    }

    /** One link checker for the API's checks, made at the first (its robots.txt cache and pacing are kept). */
    private static java.util.function.Supplier<dev.outreachpipeline.links.LinkChecker> linkChecker(
            OutreachConfig config) {
        return com.google.common.base.Suppliers.memoize(
                () -> dev.outreachpipeline.links.LinkChecker.from(config, Clock.systemUTC()));
    }

    /** Each configured mailbox id's From address, as a send attempt records it. */
    private static java.util.Map<String, String> mailboxAddresses(OutreachConfig config) {
        var addresses = new java.util.LinkedHashMap<String, String>();
        dev.outreachpipeline.sending.Mailboxes.from(config).all().forEach(m -> addresses.put(m.id(), m.address()));
        return addresses;
    }

    /**
     * Fails with one sentence (no stack trace) when the management port cannot be listened on, before
     * anything starts; the server itself says the same should the port be taken in between.
     */
    public static void requirePortFree(OutreachConfig config) {
        if (config.getBoolean("outreach.management.enabled")) {
            dev.outreachpipeline.http.PortInUse.requireFree(
                    ManagementServer.WHAT,
                    config.get("outreach.management.bind"),
                    config.getInt("outreach.management.port"),
                    ManagementServer.SETTING);
        }
    }

    /** Pool gauges (hikaricp_connections_*) on the pool that is already running; it takes them once. */
    private static void poolMetrics(Database db, PrometheusMeterRegistry registry) {
        if (db.dataSource() instanceof HikariDataSource pool) {
            try {
                pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            } catch (IllegalStateException alreadySet) {
                LOG.warn("The connection pool reports its metrics elsewhere already; /metrics leaves them out");
            }
        }
    }

    /** The newest migration this program has, learnt once from Flyway; null when it cannot be. */
    private static MigrationVersion newestMigration(Database db) {
        try {
            return SchemaVersion.of(db).latest();
        } catch (RuntimeException e) {
            LOG.warn("Could not learn the newest migration for /health/ready: {}", e.getMessage());
            return null;
        }
    }
}
