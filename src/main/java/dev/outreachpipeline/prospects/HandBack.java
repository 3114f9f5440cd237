package dev.outreachpipeline.prospects;

import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * An operator hands prospects back to an earlier stage (redraft, refresh, resend). Moving them is
 * only half of it: the job that does that stage's work is enqueued in the same transaction (or a
 * job of that type still waiting to start is named), so nothing sits in a status that no job will
 * ever look at. Each prospect that cannot be handed back gets the reason why.
 */
public final class HandBack {

    /** What is handed back, to which job type, and why a prospect in another status cannot be. */
    public enum Kind {
        REDRAFT("draft", SqlStatement.REDRAFT_PROSPECTS) {
            @Override
            String refusal(State s) {
                if ("enriched".equals(s.status()) && s.hasContact()) {
                    return "it is waiting for a draft job already (status enriched)";
                }
                if ("drafting".equals(s.status())) {
                    return "a draft job is drafting it right now (status drafting)";
                }
                if (List.of("drafted", "approved", "draft_failed").contains(s.status())) {
                    return "it has no contact address to write to; refresh it first";
                }
                return "it is " + s.status() + "; only drafted, approved and draft_failed prospects can be redrafted";
            }
        },
        REFRESH("enrich", SqlStatement.REFRESH_PROSPECTS) {
            @Override
            String refusal(State s) {
                if ("pending".equals(s.status()) && !s.lookedUp()) {
                    return "it is waiting for an enrich job already (status pending)";
                }
                if ("enriching".equals(s.status())) {
                    return "an enrich job is looking it up right now (status enriching)";
                }
                if (s.noDomain()) {
                    return "it has no domain to look up";
                }
                return "it is " + s.status()
                        + "; only enriched, no_email, enrich_failed, draft_failed and drafted prospects can be refreshed";
            }
        },
        RESEND("send", SqlStatement.RESEND_PROSPECTS) {
            @Override
            String refusal(State s) {
                return switch (s.status()) {
                    case "sent", "followup_due", "replied", "bounced", "unsubscribed" ->
                        "it was sent (status " + s.status()
                                + "); only a send_unknown prospect, whose delivery is unknown, can be resent";
                    case "approved" -> "it is waiting for a send job already (status approved)";
                    case "sending" -> "a send job is sending it right now (status sending)";
                    default ->
                        "it is " + s.status()
                                + "; only send_unknown prospects, whose delivery is unknown, can be resent";
                };
            }
        };

        private final String jobType;
        private final SqlStatement statement;

        Kind(String jobType, SqlStatement statement) {
            this.jobType = jobType;
            this.statement = statement;
        }

        public String jobType() {
            return jobType;
        }

        abstract String refusal(State state);
    }

    /** Where a prospect that was not handed back stands. */
    record State(String status, boolean noDomain, boolean hasContact, boolean lookedUp) {}

    /**
     * @param moved   the prospects handed back, in the order given
     * @param refused each prospect that was not, with the reason (id as given → why)
     * @param job     the job that will do the work, or null when nothing was handed back
     * @param newJob  true when the job was enqueued now, false when it was already waiting
     * @param runAfter when a waiting job may start (a provider pause), or null for as soon as a worker is free
     */
    public record Outcome(
            List<UUID> moved, Map<String, String> refused, UUID job, boolean newJob, OffsetDateTime runAfter) {}

    private static final NamedParameters ENQUEUE = SqlStatement.ENQUEUE_JOB.jdbc();
    private static final NamedParameters REDRAFT_CAMPAIGN = SqlStatement.REDRAFT_CAMPAIGN_PROSPECTS.jdbc();
    private static final String WAITING = SqlStatement.WAITING_JOB_OF_TYPE.text();
    private static final String STATES = SqlStatement.PROSPECT_STATES.text();

    private final DataSource dataSource;

    public HandBack(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Hands back the prospects with these ids (as typed: one that is not an id is refused, the
     * others go on) and makes sure a job of the kind's type will run for them.
     */
    public Outcome handBack(Kind kind, List<String> ids, String origin) throws SQLException {
        var parsed = new LinkedHashMap<String, UUID>();
        var refused = new LinkedHashMap<String, String>();
        for (String id : ids) {
            UUID uuid = ProspectIds.parseOrNull(id);
            if (uuid == null) {
                refused.put(id, "'" + id + "' is not a prospect id (" + ProspectIds.FORM + ")");
            } else {
                parsed.put(id, uuid);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                var movedIds = new ArrayList<String>();
                try (PreparedStatement ps = c.prepareStatement(kind.statement.text())) {
                    ps.setArray(1, c.createArrayOf("uuid", parsed.values().toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            movedIds.add(rs.getString(1));
                        }
                    }
                }
                var moved = new ArrayList<UUID>();
                var notMoved = new ArrayList<UUID>();
                parsed.values().stream()
                        .distinct()
                        .forEach(u -> (movedIds.contains(u.toString()) ? moved : notMoved).add(u));
                Map<UUID, State> states = states(c, notMoved);
                parsed.forEach((typed, uuid) -> {
                    if (notMoved.contains(uuid)) {
                        State s = states.get(uuid);
                        refused.put(typed, s == null ? "no prospect has this id" : kind.refusal(s));
                    }
                });
                JobRef job = moved.isEmpty() ? JobRef.NONE : jobFor(c, kind.jobType, origin);
                c.commit();
                return new Outcome(List.copyOf(moved), refused, job.id(), job.isNew(), job.runAfter());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * What {@code prospects redraft --campaign} did.
     *
     * @param was how many of the prospects redrafted were in each status (drafted, approved, draft_failed)
     */
    public record CampaignOutcome(
            List<UUID> moved, Map<String, Long> was, UUID job, boolean newJob, OffsetDateTime runAfter) {}

    /**
     * Hands every drafted, approved and draft_failed prospect of the campaign (with a contact
     * address) back to drafting, and makes sure a draft job will run for them: how an operator
     * applies a change of the campaign's templates. Nothing to redraft is an outcome, not an error.
     */
    public CampaignOutcome redraftCampaign(UUID campaignId, String origin) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                var moved = new ArrayList<UUID>();
                var was = new LinkedHashMap<String, Long>();
                try (PreparedStatement ps = c.prepareStatement(REDRAFT_CAMPAIGN.jdbcText())) {
                    REDRAFT_CAMPAIGN.bind(ps, Map.of("campaignId", campaignId.toString()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            moved.add(UUID.fromString(rs.getString("id")));
                            was.merge(rs.getString("was"), 1L, Long::sum);
                        }
                    }
                }
                JobRef job = moved.isEmpty() ? JobRef.NONE : jobFor(c, Kind.REDRAFT.jobType, origin);
                c.commit();
                return new CampaignOutcome(List.copyOf(moved), was, job.id(), job.isNew(), job.runAfter());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The job that will do the work: one of the type still waiting to start, or one enqueued now. */
    private record JobRef(UUID id, boolean isNew, OffsetDateTime runAfter) {
        static final JobRef NONE = new JobRef(null, false, null);
    }

    private static JobRef jobFor(Connection c, String type, String origin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(WAITING)) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new JobRef(rs.getObject(1, UUID.class), false, rs.getObject(2, OffsetDateTime.class));
                }
            }
        }
        return new JobRef(enqueue(c, type, origin), true, null);
    }

    private static UUID enqueue(Connection c, String type, String origin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ENQUEUE.jdbcText())) {
            ENQUEUE.bind(ps, Map.of("newJobType", type, "newJobParams", "{}", "newJobOrigin", origin));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return UUID.fromString(rs.getString(1));
            }
        }
    }

    private static Map<UUID, State> states(Connection c, List<UUID> ids) throws SQLException {
        var states = new HashMap<UUID, State>();
        if (ids.isEmpty()) {
            return states;
        }
        try (PreparedStatement ps = c.prepareStatement(STATES)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.put(
                            UUID.fromString(rs.getString(1)),
                            new State(rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5)));
                }
            }
        }
        return states;
    }
}
