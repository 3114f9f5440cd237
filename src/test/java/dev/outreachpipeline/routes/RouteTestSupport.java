package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.daemon.DaemonContextSetup;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.jobs.NodeIdentity;
import dev.outreachpipeline.testsupport.CliRun;
import dev.outreachpipeline.testsupport.TestDatabase;
import dev.outreachpipeline.testsupport.TestPostgres;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.AfterEach;

/**
 * Runs the route file(s) a test names, plus 00-errors (the error policy every route shares), in a
 * test CamelContext configured as the daemon configures its own, over a fresh migrated database on
 * the shared embedded PostgreSQL. The context is not started until the test has advised the routes
 * whose neighbours it replaces and calls {@code context.start()}.
 */
abstract class RouteTestSupport extends CamelTestSupport {

    protected final NodeIdentity node = new NodeIdentity();
    protected TestDatabase testDb;
    protected OutreachConfig config;
    protected Database db;

    /** The route files under test, e.g. {@code "05-heartbeat"}. */
    protected abstract String[] routeFiles();

    /** Extra environment (name, value, …) for the configuration, e.g. a provider's base URL. */
    protected String[] environment() {
        return new String[0];
    }

    @Override
    public void configureTest(TestExecutionConfiguration testConfiguration) {
        super.configureTest(testConfiguration);
        testConfiguration.withUseAdviceWith(true);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        testDb = TestPostgres.newDatabase();
        String[] env = environment();
        String[] all = new String[env.length + 2];
        all[0] = "OUTREACH_MANAGEMENT_ENABLED";
        all[1] = "false";
        System.arraycopy(env, 0, all, 2, env.length);
        assertThat(CliRun.run(testDb.env(all), "db", "migrate").exitCode()).isZero();
        config = testDb.config(all);
        db = Database.open(config);
        CamelContext camel = super.createCamelContext();
        DaemonContextSetup.configure(camel, config, db, node, Path.of("."));
        var loader = PluginHelper.getRoutesLoader(camel);
        loader.loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/00-errors.camel.yaml"));
        for (String file : routeFiles()) {
            loader.loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/" + file + ".camel.yaml"));
        }
        return camel;
    }

    /**
     * Runs a job's route as the job worker would: the job's state goes in as exchange variables
     * (jobId, worker, jobParams, …), as 10-jobs sets them. Rethrows what the route failed with.
     */
    protected org.apache.camel.Exchange runAsJob(String uri, java.util.Map<String, Object> variables) throws Exception {
        org.apache.camel.Exchange done = template.send(uri, e -> variables.forEach(e::setVariable));
        if (done.getException() != null) {
            throw done.getException();
        }
        return done;
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }
}
