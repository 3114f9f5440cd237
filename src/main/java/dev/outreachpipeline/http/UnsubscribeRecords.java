package dev.outreachpipeline.http;

import dev.outreachpipeline.config.OutreachConfig;
import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import dev.outreachpipeline.management.BoundedDatabase;
import dev.outreachpipeline.sending.DurationText;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the unsubscribe link reads and writes, never waiting on the database longer than
 * outreach.unsubscribe.database-timeout: the pool would wait its whole connect timeout (30 s) for a
 * database that is down, and the visitor's request would end in an error and be lost. An unsubscribe
 * the database does not take in time goes to the {@link UnsubscribeJournal} instead, and
 * {@link #replayJournal()} (at start and periodically, routes/90-http.camel.yaml) applies it once the
 * database answers. Applying one twice changes nothing, so a write that finishes late does no harm.
 */
public final class UnsubscribeRecords implements AutoCloseable {

    /** What became of an unsubscribe. */
    public enum Outcome {
        /** The address is suppressed (now or before). */
        UNSUBSCRIBED,
        /** The database did not answer in time; the request is in the journal. */
        RECORDED,
        /** The link's prospect is unknown or has no address; nothing was written. */
        NOT_FOUND
    }

    private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeRecords.class);
    private static final SqlStatement CONTACT_SQL = SqlStatement.UNSUBSCRIBE_CONTACT;
    private static final SqlStatement UNSUBSCRIBE_SQL = SqlStatement.UNSUBSCRIBE_PROSPECT;

    private final BoundedDatabase database;
    private final UnsubscribeJournal journal;

    UnsubscribeRecords(BoundedDatabase database, UnsubscribeJournal journal) {
        this.database = database;
        this.journal = journal;
    }

    static UnsubscribeRecords configured(OutreachConfig config, DataSource dataSource, Path home) {
        Duration timeout = DurationText.parse(config.get("outreach.unsubscribe.database-timeout"));
        Path file = Path.of(config.get("outreach.unsubscribe.journal-file"));
        // a few at once (one-click POSTs come in bursts after a mailing); more wait briefly or are journalled at once
        var database = new BoundedDatabase(dataSource, timeout, "outreach-unsubscribe-db", 4, 64);
        return new UnsubscribeRecords(database, new UnsubscribeJournal(home == null ? file : home.resolve(file)));
    }

    /**
     * The address the link was made for; null when its prospect is unknown or has none; blank when the
     * database did not answer in time (the confirmation page then names no address).
     */
    public String contactOf(UUID prospectId) {
        try {
            return database.read(c -> query(c, CONTACT_SQL, Map.of("prospectId", prospectId)))
                    .orElse(null);
        } catch (SQLException e) {
            LOG.warn(
                    "The unsubscribe page of prospect {} names no address: the database did not answer ({})",
                    prospectId,
                    e.getMessage());
            return "";
        }
    }

    /**
     * Suppresses the address of the link's prospect, or keeps the request in the journal when the
     * database does not answer in time.
     *
     * @throws IOException only when the journal cannot be written either (the request is then lost, and the
     *                     visitor is told to try again)
     */
    public Outcome unsubscribe(UUID prospectId, String source) throws IOException {
        try {
            return apply(prospectId, source) ? Outcome.UNSUBSCRIBED : Outcome.NOT_FOUND;
        } catch (SQLException e) {
            journal.append(prospectId, source);
            LOG.warn(
                    "The database did not take the unsubscribe of prospect {} ({}); it is kept in {} and applied when the"
                            + " database answers",
                    prospectId,
                    e.getMessage(),
                    journal.file());
            return Outcome.RECORDED;
        }
    }

    /**
     * Applies the journal's requests in order, stopping at the first the database does not take (it is
     * down still); those applied leave the journal. Quiet while the journal is empty.
     */
    public synchronized void replayJournal() throws IOException {
        List<String> lines = journal.lines();
        int done = 0;
        int applied = 0;
        String failure = null;
        for (String line : lines) {
            Optional<UnsubscribeJournal.Entry> entry = UnsubscribeJournal.Entry.parse(line);
            if (entry.isEmpty()) {
                LOG.warn(
                        "Line {} of {} is not an unsubscribe (a write cut short?); dropped: {}",
                        done + 1,
                        journal.file(),
                        line.length() > 80 ? line.substring(0, 80) + "…" : line);
                done++;
                continue;
            }
            try {
                if (!apply(entry.get().prospectId(), entry.get().source())) {
                    LOG.info(
                            "Prospect {} from the unsubscribe journal no longer exists or has no address; nothing to suppress",
                            entry.get().prospectId());
                }
                applied++;
                done++;
            } catch (SQLException e) {
                failure = e.getMessage();
                break;
            }
        }
        if (done > 0) {
            journal.dropFirst(done);
        }
        if (applied > 0) {
            LOG.info("Applied {} unsubscribe(s) kept in {} while the database did not answer", applied, journal.file());
        }
        if (failure != null) {
            LOG.warn(
                    "{} unsubscribe(s) in {} still wait for the database: {}",
                    lines.size() - done,
                    journal.file(),
                    failure);
        }
    }

    /** True when the prospect's address is suppressed now; false when there is no such prospect or address. */
    private boolean apply(UUID prospectId, String source) throws SQLException {
        return database.read(c -> query(c, UNSUBSCRIBE_SQL, Map.of("prospectId", prospectId, "source", source)))
                .isPresent();
    }

    /** Runs one of the sql/ files, its {@code :#name} parameters bound from {@code parameters}; the first column of its row. */
    private Optional<String> query(Connection c, SqlStatement statement, Map<String, Object> parameters)
            throws SQLException {
        NamedParameters sql = statement.jdbc();
        try (PreparedStatement ps = c.prepareStatement(sql.jdbcText())) {
            ps.setQueryTimeout(database.statementTimeoutSeconds());
            sql.bind(ps, parameters);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public String toString() {
        return "UnsubscribeRecords[" + journal + "]";
    }
}
