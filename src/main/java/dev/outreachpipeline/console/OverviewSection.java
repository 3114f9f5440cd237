package dev.outreachpipeline.console;

import java.util.HashMap;

/** The console's first page, {@code GET /}: who is logged in. */
final class OverviewSection implements ConsoleSection {

    @Override
    public void mount(ConsoleRouter router) {
        router.get("/", ctx -> {
            var model = new HashMap<String, Object>();
            model.put("who", "the operator (admin token)");
            model.put("since", ctx.session().get(ConsoleRoutes.LOGGED_IN));
            model.put("from", ctx.session().get(ConsoleRoutes.LOGGED_IN_FROM));
            return ConsoleReply.page("overview.html.ftl", model);
        });
    }
}
