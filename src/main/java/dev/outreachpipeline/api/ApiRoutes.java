package dev.outreachpipeline.api;

import dev.outreachpipeline.campaigns.DiscoverSubmission;
import dev.outreachpipeline.config.Masking;
import dev.outreachpipeline.sending.MessagePreview;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of {@code /api/v1}, each documented in {@code api/openapi.json} (served at
 * {@code /api/v1/openapi.json}; a test keeps the two in step). The admin token is checked before any
 * of them runs (console/ApiAccess). Every endpoint runs on a worker thread, as it reads the database,
 * and answers JSON; a database that cannot be read is a 503 with its sentence, never a stack trace.
 */
public final class ApiRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);

    public static final String BASE = "/api/v1";

    private final StatusEndpoint status;
    private final CampaignEndpoints campaigns;
    private final SuppressionEndpoints suppressions;
    private final ProspectEndpoints prospects;
    private final ProspectActions prospectActions;
    private final DraftEndpoints drafts;
    private final JobEndpoints jobs;
    private final FunnelEndpoint funnel;
    private final MarkSentEndpoint markSent;
    private final LinkEndpoints links;
    private final StageEndpoint stage;
    private final OpenApiDocument openApi = new OpenApiDocument();

    /**
     * @param mailbox   the address the daemon sends from, as {@code status} reports its sends
     * @param dailyCap  the daemon's outreach.send.daily-cap
     * @param hourlyCap the daemon's outreach.send.hourly-cap
     * @param discovery what checks and enqueues a discover job, as `job submit discover` does
     * @param preview   renders a draft as the send stage would send it (the daemon's mailboxes)
     * @param mailboxAddresses each mailbox id's From address (outreach.mailboxes), for mark-sent to name
     *                         a thread's mailbox from its attempt
     */
    public ApiRoutes(
            DataSource dataSource,
            String mailbox,
            int dailyCap,
            int hourlyCap,
            Supplier<DiscoverSubmission> discovery,
            MessagePreview preview,
            Map<String, String> mailboxAddresses) {
        this(dataSource, mailbox, dailyCap, hourlyCap, discovery, preview, mailboxAddresses, null);
    }

    /** @param linkChecker checks a placement for {@code POST /links/{id}/check} (null: that answers 503) */
    public ApiRoutes(
            DataSource dataSource,
            String mailbox,
            int dailyCap,
            int hourlyCap,
            Supplier<DiscoverSubmission> discovery,
            MessagePreview preview,
            Map<String, String> mailboxAddresses,
            Supplier<dev.outreachpipeline.links.LinkChecker> linkChecker) {
        this.links = new LinkEndpoints(dataSource, linkChecker);
        this.markSent = new MarkSentEndpoint(dataSource, mailboxAddresses);
        this.stage = new StageEndpoint(dataSource);
        this.status = new StatusEndpoint(dataSource, mailbox, dailyCap, hourlyCap);
        this.campaigns = new CampaignEndpoints(dataSource);
        this.suppressions = new SuppressionEndpoints(dataSource);
        this.prospects = new ProspectEndpoints(dataSource, preview);
        this.drafts = new DraftEndpoints(dataSource);
        this.prospectActions = new ProspectActions(dataSource);
        this.jobs = new JobEndpoints(dataSource, discovery);
        this.funnel = new FunnelEndpoint(dataSource);
    }

    public void mount(Router router) {
        router.get(BASE + "/openapi.json").handler(openApi::serve);
        route(router, HttpMethod.GET, "/status", status::status);
        route(router, HttpMethod.GET, "/campaigns", campaigns::list);
        route(router, HttpMethod.GET, "/campaigns/:name", campaigns::show);
        route(router, HttpMethod.GET, "/suppressions", suppressions::list);
        route(router, HttpMethod.POST, "/suppressions", suppressions::add);
        route(router, HttpMethod.DELETE, "/suppressions", suppressions::remove);
        // prospects
        route(router, HttpMethod.GET, "/prospects", prospects::list);
        route(router, HttpMethod.GET, "/prospects/:id", prospects::show);
        route(router, HttpMethod.POST, "/prospects/approve", prospectActions::approveAll);
        route(router, HttpMethod.POST, "/prospects/:id/approve", prospectActions::approve);
        route(router, HttpMethod.POST, "/prospects/:id/redraft", prospectActions::redraft);
        route(router, HttpMethod.POST, "/prospects/:id/resend", prospectActions::resend);
        route(router, HttpMethod.PUT, "/prospects/:id/draft", drafts::edit);
        route(router, HttpMethod.POST, "/prospects/:id/reject", drafts::reject);
        route(router, HttpMethod.POST, "/prospects/:id/unapprove", drafts::unapprove);
        route(router, HttpMethod.POST, "/prospects/:id/mark-sent", markSent::markSent);
        route(router, HttpMethod.POST, "/prospects/:id/stage", stage::move);
        route(router, HttpMethod.POST, "/jobs", jobs::submit);
        route(router, HttpMethod.GET, "/jobs", jobs::list);
        route(router, HttpMethod.GET, "/jobs/:id", jobs::show);
        route(router, HttpMethod.POST, "/jobs/:id/cancel", jobs::cancel);
        route(router, HttpMethod.GET, "/funnel", funnel::funnel);
        route(router, HttpMethod.GET, "/links", links::list);
        route(router, HttpMethod.POST, "/links", links::add);
        route(router, HttpMethod.POST, "/links/:id/check", links::check);
    }

    private static void route(Router router, HttpMethod method, String path, Endpoint endpoint) {
        router.route(method, BASE + path).blockingHandler(ctx -> run(ctx, endpoint), false);
    }

    private static void run(RoutingContext ctx, Endpoint endpoint) {
        Answer answer;
        try {
            answer = endpoint.answer(ctx);
        } catch (SQLException e) {
            String why = Masking.maskText(e.getMessage());
            LOG.warn(
                    "{} {} could not read the database: {}",
                    ctx.request().method(),
                    RequestPaths.printable(ctx.normalizedPath()),
                    why);
            answer = Answer.refused(503, "the database could not be read", List.of(why));
        }
        JsonAnswers.send(ctx, answer.status(), answer.body());
    }
}
