package dev.outreachpipeline.cli;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.daemon.DaemonSettings;
import dev.outreachpipeline.db.Database;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration for a command that talks about the daemon's work (send --dry-run, status): the
 * settings the daemon recorded at its start, not the terminal's environment, which may say cap 10
 * while the daemon runs with 50. Credentials stay the terminal's own (a daemon never records them).
 * What is used, and every key where the terminal's own configuration differs, goes to stderr.
 */
final class DaemonConfig {

    private static final String UNDEFINED_TABLE = "42P01";

    private DaemonConfig() {}

    static OutreachConfig of(CliContext context, Database db) throws SQLException {
        OutreachConfig own = context.config();
        PrintWriter err = context.err();
        Optional<DaemonSettings.Recorded> recorded;
        try (Connection c = db.connection()) {
            recorded = DaemonSettings.latest(c, own.getInt("outreach.daemon.heartbeat-seconds"));
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                throw e;
            }
            err.println(
                    "This database is not migrated far enough to record the daemon's settings (`outreach db migrate`);"
                            + " using this terminal's configuration.");
            return own;
        }
        if (recorded.isEmpty()) {
            err.println(
                    "No daemon has recorded its settings in this database yet; using this terminal's configuration.");
            return own;
        }
        DaemonSettings.Recorded daemon = recorded.get();
        err.println(whose(daemon));
        List<String> differences = differences(DaemonSettings.recordable(own), daemon.settings());
        if (!differences.isEmpty()) {
            err.println("This terminal's configuration differs from the daemon's; the daemon's values apply:");
            differences.forEach(d -> err.println("  " + d));
        }
        return own.withValues(daemon.settings(), "daemon node " + daemon.node());
    }

    /**
     * Which daemon's settings are used, and how alive it is. A node that went silent without
     * stopping (kill -9, a lost machine, or only a stalled process) still lends its settings, with
     * that doubt said: it is the last thing known about how the daemon runs, a stalled node may yet
     * send with those caps, and a cleanly stopped node is treated the same way, so the two cases
     * differ only in wording, not in which numbers a dry run shows.
     */
    private static String whose(DaemonSettings.Recorded daemon) {
        if (daemon.running()) {
            return "Using the settings of the daemon on node " + daemon.node() + " (started " + time(daemon.startedAt())
                    + ").";
        }
        if (daemon.stoppedAt() != null) {
            return "No daemon is running; using the settings the last one ran with (node " + daemon.node()
                    + ", stopped " + time(daemon.stoppedAt()) + ").";
        }
        return "The daemon on node " + daemon.node() + " was last seen at " + time(daemon.seenAt())
                + " (not running?); using the settings it ran with.";
    }

    /** One line per key both sides have with different values, sorted by key. */
    static List<String> differences(Map<String, String> terminal, Map<String, String> daemon) {
        var lines = new ArrayList<String>();
        daemon.forEach((key, value) -> {
            String here = terminal.get(key);
            if (here != null && !here.equals(value)) {
                lines.add(key + ": daemon " + shown(value) + ", this terminal " + shown(here));
            }
        });
        lines.sort(null);
        return lines;
    }

    private static String shown(String value) {
        return value.isEmpty() ? "(empty)" : value;
    }

    private static String time(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }
}
