package dev.outreachpipeline.management;

import dev.outreachpipeline.db.SqlStatement;
import dev.outreachpipeline.sending.SentCounts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from the database: jobs by type and status, prospects by status, and the room left
 * under the send caps. They are read when /metrics is scraped, at most once per {@code maxAge}, and
 * within the short timeout of {@link BoundedDatabase}: while the database does not answer, the last
 * figures stay and {@code outreach_database_up} says 0.
 */
final class DatabaseGauges {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGauges.class);

    private final BoundedDatabase db;
    private final String mailbox;
    private final int dailyCap;
    private final int hourlyCap;
    private final Duration maxAge;
    private final Clock clock;
    private final MultiGauge jobs;
    private final MultiGauge prospects;
    private final MultiGauge links;
    private volatile Instant readAt = Instant.EPOCH;
    private volatile double up = Double.NaN;
    private volatile double dailyHeadroom = Double.NaN;
    private volatile double hourlyHeadroom = Double.NaN;

    DatabaseGauges(
            MeterRegistry registry,
            BoundedDatabase db,
            String mailbox,
            int dailyCap,
            int hourlyCap,
            Duration maxAge,
            Clock clock) {
        this.db = db;
        this.mailbox = mailbox;
        this.dailyCap = dailyCap;
        this.hourlyCap = hourlyCap;
        this.maxAge = maxAge;
        this.clock = clock;
        this.jobs = MultiGauge.builder("outreach.jobs")
                .description("Jobs in the queue by type and status")
                .register(registry);
        this.prospects = MultiGauge.builder("outreach.prospects")
                .description("Prospects by outreach_status")
                .register(registry);
        this.links = MultiGauge.builder("outreach.links")
                .description("Link placements by status (lost: gone on two checks in a row)")
                .register(registry);
        Gauge.builder("outreach.database.up", this, g -> g.up)
                .description("1 when the last read of the figures below succeeded, 0 when the database did not answer")
                .register(registry);
        Gauge.builder("outreach.send.cap.headroom", this, g -> g.dailyHeadroom)
                .tag("cap", "daily")
                .description("Messages the cap still allows, counted from send_attempts as the sending stage does")
                .register(registry);
        Gauge.builder("outreach.send.cap.headroom", this, g -> g.hourlyHeadroom)
                .tag("cap", "hourly")
                .description("Messages the cap still allows, counted from send_attempts as the sending stage does")
                .register(registry);
    }

    /** Reads the figures again when the last read is older than maxAge. */
    synchronized void refreshIfStale() {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(maxAge) < 0) {
            return;
        }
        readAt = now;
        try {
            Figures f = db.read(this::read);
            jobs.register(f.jobs(), true);
            prospects.register(f.prospects(), true);
            links.register(f.links(), true);
            dailyHeadroom = SentCounts.headroom(dailyCap, f.sent().last24h());
            hourlyHeadroom = SentCounts.headroom(hourlyCap, f.sent().lastHour());
            up = 1;
        } catch (SQLException e) {
            up = 0;
            LOG.debug("Metrics: the database figures were not read: {}", e.getMessage());
        }
    }

    private record Figures(
            List<MultiGauge.Row<?>> jobs,
            List<MultiGauge.Row<?>> prospects,
            List<MultiGauge.Row<?>> links,
            SentCounts sent) {}

    private Figures read(Connection c) throws SQLException {
        var jobRows = new ArrayList<MultiGauge.Row<?>>();
        try (PreparedStatement ps = c.prepareStatement(SqlStatement.GAUGE_JOBS.text())) {
            ps.setQueryTimeout(db.statementTimeoutSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobRows.add(MultiGauge.Row.of(
                            Tags.of("type", String.valueOf(rs.getString(1)), "status", String.valueOf(rs.getString(2))),
                            rs.getLong(3)));
                }
            }
        }
        var prospectRows = new ArrayList<MultiGauge.Row<?>>();
        try (PreparedStatement ps = c.prepareStatement(SqlStatement.GAUGE_PROSPECTS.text())) {
            ps.setQueryTimeout(db.statementTimeoutSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    prospectRows.add(
                            MultiGauge.Row.of(Tags.of("status", String.valueOf(rs.getString(1))), rs.getLong(2)));
                }
            }
        }
        var linkRows = new ArrayList<MultiGauge.Row<?>>();
        try (PreparedStatement ps = c.prepareStatement(SqlStatement.LINKS_BY_STATUS.text())) {
            ps.setQueryTimeout(db.statementTimeoutSeconds());
            // every campaign's
            ps.setObject(1, null);
            ps.setObject(2, null);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    linkRows.add(MultiGauge.Row.of(Tags.of("status", String.valueOf(rs.getString(1))), rs.getLong(2)));
                }
            }
        }
        return new Figures(jobRows, prospectRows, linkRows, SentCounts.of(c, mailbox, db.statementTimeoutSeconds()));
    }
}
