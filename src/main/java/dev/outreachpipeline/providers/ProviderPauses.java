package dev.outreachpipeline.providers;

import dev.outreachpipeline.db.NamedParameters;
import dev.outreachpipeline.db.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The provider pauses as an operator sees and lifts them. A pause is recorded by the pipeline when a
 * provider says its quota is spent or the account is restricted; every worker of every instance
 * then leaves that provider alone until the pause's end, and the jobs that need it wait as long.
 */
public final class ProviderPauses {

    /** A provider that can be paused, and the type of the jobs that wait for it. */
    public record Provider(String name, String displayName, String jobType) {}

    public static final List<Provider> PROVIDERS =
            List.of(new Provider("hunter", "Hunter", "enrich"), new Provider("dataforseo", "DataForSEO", "discover"));

    /** A pause in force. */
    public record Pause(String provider, OffsetDateTime until, String reason, OffsetDateTime setAt) {}

    /** What lifting a pause did. */
    public record Lifted(boolean wasPaused, int jobsWoken) {}

    private static final String LIST = SqlStatement.PROVIDER_PAUSES.text();
    private static final NamedParameters CLEAR = SqlStatement.CLEAR_PROVIDER_PAUSE.jdbc();

    private final DataSource dataSource;

    public ProviderPauses(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The provider called {@code name} (case-insensitive), if the pipeline knows it. */
    public static Optional<Provider> provider(String name) {
        return PROVIDERS.stream()
                .filter(p -> p.name().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }

    public List<Pause> inForce() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(LIST);
                ResultSet rs = ps.executeQuery()) {
            var pauses = new ArrayList<Pause>();
            while (rs.next()) {
                pauses.add(new Pause(
                        rs.getString("provider"),
                        rs.getObject("until", OffsetDateTime.class),
                        rs.getString("reason"),
                        rs.getObject("set_at", OffsetDateTime.class)));
            }
            return pauses;
        }
    }

    /** Lifts the provider's pause and wakes the jobs put off until its end. */
    public Lifted clear(Provider provider) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(CLEAR.jdbcText())) {
            CLEAR.bind(ps, Map.of("provider", provider.name(), "jobType", provider.jobType()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Lifted(rs.getBoolean("was_paused"), rs.getInt("jobs_woken"));
            }
        }
    }

    /** A pause as {@code --json} prints it. */
    public static Map<String, Object> json(Pause p) {
        return Map.of(
                "provider",
                p.provider(),
                "until",
                p.until().toString(),
                "reason",
                p.reason(),
                "set_at",
                p.setAt().toString());
    }
}
