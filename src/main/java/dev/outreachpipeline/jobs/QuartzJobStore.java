package dev.outreachpipeline.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Sets camel-quartz up with Quartz's JDBC job store in our database (tables from migration V8),
 * clustered: every instance uses the same scheduler name, so a trigger fires once per firing on
 * one of them. Quartz borrows connections from our pool instead of opening its own.
 */
public final class QuartzJobStore {

    private QuartzJobStore() {}

    public static void configure(CamelContext context, DataSource dataSource) {
        // One name per pool: a JVM running several daemons one after another (tests) must not
        // hand a later one the connections of an earlier one.
        String name = "outreach-" + Integer.toHexString(System.identityHashCode(dataSource));
        DBConnectionManager.getInstance().addConnectionProvider(name, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // the pool belongs to the daemon, which closes it
            }

            @Override
            public void initialize() {
                // nothing: the pool is open already
            }
        });
        var p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "outreach-pipeline");
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", name);
        p.setProperty("org.quartz.jobStore.tablePrefix", "qrtz_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "15000");
        // A firing missed by more than a minute (the daemon was down) is dropped, not replayed.
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        QuartzComponent quartz = context.getComponent("quartz", QuartzComponent.class);
        quartz.setProperties(p);
        quartz.setPrefixInstanceName(false);
        quartz.setEnableJmx(false);
    }
}
