package dev.outreachpipeline.management;

import dev.outreachpipeline.db.SqlStatement;
import dev.outreachpipeline.providers.ProviderCalls;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.flywaydb.core.api.MigrationVersion;

/**
 * What {@code /health/ready} checks, each with a state and a sentence:
 * <ul>
 *   <li>database: a {@code SELECT 1} through the pool answers within the short timeout;</li>
 *   <li>migrations: the newest migration recorded in Flyway's history is the newest this program
 *       has (learnt once at start from Flyway), and none failed — one cheap query, not Flyway again;</li>
 *   <li>routes: the CamelContext and every route are started;</li>
 *   <li>providers: each provider's last answer, reported ({@code INFO}) but never failing readiness.
 *       A retryable error is ordinary; a rejected key or a spent balance fails the jobs that need
 *       that provider with a sentence saying so, while sending, unsubscribing and every other stage
 *       still work, so taking the whole daemon out of service would help nobody.</li>
 * </ul>
 */
final class Readiness {

    /** One check: UP, DOWN or INFO (reported, not counted). */
    record Check(String name, String state, String detail) {}

    /** The answer: ready when no check is DOWN. */
    record Report(boolean ready, List<Check> checks) {
        Map<String, Object> json() {
            var body = new LinkedHashMap<String, Object>();
            body.put("status", ready ? "UP" : "DOWN");
            var list = new ArrayList<Map<String, Object>>();
            for (Check c : checks) {
                var m = new LinkedHashMap<String, Object>();
                m.put("name", c.name());
                m.put("state", c.state());
                m.put("detail", c.detail());
                list.add(m);
            }
            body.put("checks", list);
            return body;
        }
    }

    private final CamelContext context;
    private final BoundedDatabase db;
    private final MigrationVersion expectedLatest;
    private final ProviderCalls providerCalls;

    /** @param expectedLatest the newest migration this program has, or null when it could not be learnt */
    Readiness(CamelContext context, BoundedDatabase db, MigrationVersion expectedLatest, ProviderCalls providerCalls) {
        this.context = context;
        this.db = db;
        this.expectedLatest = expectedLatest;
        this.providerCalls = providerCalls;
    }

    Report check() {
        var checks = new ArrayList<Check>();
        String dbProblem = null;
        try {
            db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(SqlStatement.DATABASE_ANSWERS.text())) {
                    ps.setQueryTimeout(db.statementTimeoutSeconds());
                    ps.executeQuery().close();
                }
                return null;
            });
            checks.add(new Check("database", "UP", "The database answered SELECT 1."));
        } catch (SQLException e) {
            dbProblem = e.getMessage();
            checks.add(new Check("database", "DOWN", "The database is not reachable: " + dbProblem + "."));
        }
        checks.add(
                dbProblem == null
                        ? migrations()
                        : new Check(
                                "migrations",
                                "DOWN",
                                "Migrations cannot be checked while the database is not reachable."));
        checks.add(routes());
        providerCalls
                .lastCalls()
                .forEach((provider, call) -> checks.add(new Check(
                        "provider:" + provider,
                        "INFO",
                        "Last " + call.endpoint() + " call at " + call.at() + ": " + call.outcome() + ".")));
        for (String provider : List.of("dataforseo", "hunter", "smtp")) {
            if (!providerCalls.lastCalls().containsKey(provider)) {
                checks.add(new Check("provider:" + provider, "INFO", "No call since the daemon started."));
            }
        }
        boolean ready = checks.stream().noneMatch(c -> c.state().equals("DOWN"));
        return new Report(ready, checks);
    }

    private Check migrations() {
        if (expectedLatest == null) {
            return new Check(
                    "migrations", "DOWN", "The newest migration of this program could not be learnt at start.");
        }
        try {
            return db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(SqlStatement.APPLIED_MIGRATIONS.text())) {
                    ps.setQueryTimeout(db.statementTimeoutSeconds());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        String applied = rs.getString(1);
                        long failed = rs.getLong(2);
                        if (failed > 0) {
                            return new Check(
                                    "migrations", "DOWN", failed + " migration(s) failed; run: outreach db verify.");
                        }
                        if (applied == null) {
                            return new Check(
                                    "migrations", "DOWN", "No migration is applied; run: outreach db migrate.");
                        }
                        int cmp = MigrationVersion.fromVersion(applied).compareTo(expectedLatest);
                        if (cmp < 0) {
                            return new Check(
                                    "migrations",
                                    "DOWN",
                                    "The database is at V" + applied + ", this program needs V" + expectedLatest
                                            + "; run: outreach db migrate.");
                        }
                        if (cmp > 0) {
                            return new Check(
                                    "migrations",
                                    "DOWN",
                                    "The database is at V" + applied + ", newer than this program's V" + expectedLatest
                                            + ".");
                        }
                        return new Check(
                                "migrations", "UP", "The database is at V" + applied + ", the newest migration.");
                    }
                }
            });
        } catch (SQLException e) {
            return new Check("migrations", "DOWN", "Flyway's history could not be read: " + e.getMessage() + ".");
        }
    }

    private Check routes() {
        if (!context.isStarted()) {
            return new Check("routes", "DOWN", "The CamelContext is " + context.getStatus() + ", not started.");
        }
        var notStarted = new ArrayList<String>();
        for (Route route : context.getRoutes()) {
            ServiceStatus status = context.getRouteController().getRouteStatus(route.getRouteId());
            if (status == null || !status.isStarted()) {
                notStarted.add(route.getRouteId() + " (" + status + ")");
            }
        }
        if (!notStarted.isEmpty()) {
            return new Check("routes", "DOWN", "Not started: " + String.join(", ", notStarted) + ".");
        }
        return new Check("routes", "UP", "All " + context.getRoutes().size() + " routes are started.");
    }
}
