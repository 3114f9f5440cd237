package dev.outreachpipeline.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outreachpipeline.config.ConfigSchema;
import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.db.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The effective settings a daemon node runs with, recorded in the database at its start (table
 * daemon_settings), so that commands typed at a terminal judge by the daemon's caps and pacing
 * rather than by the terminal's own environment. Secrets never leave the process: only keys
 * {@link ConfigSchema#isSensitive} calls harmless are recorded, and masked as {@code config show} shows them.
 */
public final class DaemonSettings {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How many of its heartbeats a node may miss before commands stop taking it for running: one
     * late beat (a busy pool, a long collection) is no death, three in a row are.
     */
    public static final int MISSED_HEARTBEATS = 3;

    /** The least silence, in seconds, after which a node is taken for not running, however short its heartbeat. */
    public static final int LEAST_SILENCE_SECONDS = 30;

    /**
     * What one node recorded. {@code running}: not stopped, and seen within {@link #MISSED_HEARTBEATS}
     * of its own heartbeats (at least {@link #LEAST_SILENCE_SECONDS}); a node killed with kill -9
     * never records its stop, so only its silence tells.
     */
    public record Recorded(
            String node,
            OffsetDateTime startedAt,
            OffsetDateTime stoppedAt,
            OffsetDateTime seenAt,
            boolean running,
            Map<String, String> settings) {}

    private DaemonSettings() {}

    /** The values a daemon records: every setting but the sensitive ones. */
    public static Map<String, String> recordable(OutreachConfig config) {
        var kept = new TreeMap<String, String>();
        config.masked().forEach((key, value) -> {
            if (!ConfigSchema.isSensitive(key)) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    /** Records (or, for the same node, replaces) the node's settings at its start. */
    public static void recordStart(DataSource dataSource, String node, OutreachConfig config) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SqlStatement.RECORD_DAEMON_SETTINGS.text())) {
            ps.setString(1, node);
            ps.setString(2, JSON.writeValueAsString(recordable(config)));
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the settings as JSON", e);
        }
    }

    /** Notes that the node stopped cleanly, so that commands no longer take it for running. */
    public static void recordStop(DataSource dataSource, String node) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SqlStatement.RECORD_DAEMON_STOPPED.text())) {
            ps.setString(1, node);
            ps.executeUpdate();
        }
    }

    /**
     * The most recently started node that is running, else the one that showed a sign of life last;
     * empty when none recorded any. {@code heartbeatSeconds} is assumed for a node that recorded no
     * heartbeat of its own.
     */
    public static Optional<Recorded> latest(Connection c, int heartbeatSeconds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlStatement.LATEST_DAEMON_SETTINGS.text())) {
            ps.setInt(1, LEAST_SILENCE_SECONDS);
            ps.setInt(2, MISSED_HEARTBEATS);
            ps.setInt(3, heartbeatSeconds);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, String> settings =
                        JSON.readValue(rs.getString("settings"), new TypeReference<TreeMap<String, String>>() {});
                return Optional.of(new Recorded(
                        rs.getString("node"),
                        rs.getObject("started_at", OffsetDateTime.class),
                        rs.getObject("stopped_at", OffsetDateTime.class),
                        rs.getObject("seen_at", OffsetDateTime.class),
                        rs.getBoolean("running"),
                        settings));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "the recorded daemon settings are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
