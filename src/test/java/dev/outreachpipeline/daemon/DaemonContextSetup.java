package dev.outreachpipeline.daemon;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.jobs.DaemonStopping;
import dev.outreachpipeline.jobs.NodeIdentity;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Configures a test CamelContext the way {@link Daemon} configures its own (properties, the named
 * DataSource and transaction manager, the metrics registry, the pipeline beans), so that route-level
 * tests run the YAML routes over the daemon's real beans. It lives in this package because
 * {@link PipelineBeans} is the daemon's own and stays package-private.
 */
public final class DaemonContextSetup {

    private DaemonContextSetup() {}

    public static void configure(
            CamelContext context, OutreachConfig config, Database db, NodeIdentity node, Path workDir) {
        context.getPropertiesComponent().setInitialProperties(config.asProperties());
        context.getRegistry().bind("dataSource", db.dataSource());
        context.getRegistry().bind("transactionManager", new JdbcTransactionManager(db.dataSource()));
        dev.outreachpipeline.management.Management.install(context, config, db, workDir);
        PipelineBeans.bind(context, config, node, new DaemonStopping(), workDir);
    }
}
