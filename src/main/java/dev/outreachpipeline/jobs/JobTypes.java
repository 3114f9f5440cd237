package dev.outreachpipeline.jobs;

import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Route;

/**
 * The job types this process can run: those with a {@code direct:<type>-job} route. Workers claim
 * only these, so a job of a type this version does not handle waits for one that does instead of
 * failing.
 */
public final class JobTypes implements CamelContextAware {

    private CamelContext context;
    private volatile String claimable;

    @Override
    public void setCamelContext(CamelContext context) {
        this.context = context;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    /** Comma-separated, for the claim statement. */
    public String claimable() {
        if (claimable == null) {
            var types = new TreeSet<String>();
            for (Route route : context.getRoutes()) {
                String uri = route.getEndpoint().getEndpointUri();
                if (uri.startsWith("direct://") && uri.endsWith("-job")) {
                    types.add(uri.substring("direct://".length(), uri.length() - "-job".length()));
                }
            }
            claimable = String.join(",", types);
        }
        return claimable;
    }

    public java.util.List<String> list() {
        return java.util.List.of(claimable().split(","));
    }
}
