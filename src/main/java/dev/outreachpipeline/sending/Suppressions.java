package dev.outreachpipeline.sending;

import dev.outreachpipeline.db.SqlStatement;
import dev.outreachpipeline.discovery.DomainKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The suppression list as operators manage it: an entry is an email address or a whole domain,
 * with a reason, a note in someone's own words, and where it came from. Entries are stored
 * lower-case; adding one twice keeps the first (its reason and date are the record of the objection).
 */
public final class Suppressions {

    public static final Set<String> REASONS =
            Set.of("unsubscribed", "bounced", "complained", "manual", "do_not_contact");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

    /** An entry as given: an address or a domain, checked and lower-cased. */
    public record Entry(String email, String domain) {
        public static Entry parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            if (t.contains("@")) {
                if (!EMAIL.matcher(t).matches()) {
                    throw new IllegalArgumentException("'" + text + "' is not an email address");
                }
                return new Entry(t, null);
            }
            String domain = DomainKey.normalise(t);
            if (!DOMAIN.matcher(domain).matches()) {
                throw new IllegalArgumentException("'" + text + "' is neither an email address nor a domain");
            }
            return new Entry(null, domain);
        }

        public String value() {
            return email != null ? email : domain;
        }
    }

    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cntrl}\\x{80}-\\x{9F}]+");

    /**
     * Free text (a source, a reason given in words) as it is stored: every run of control characters
     * (C0, DEL, C1: line breaks, escape sequences) becomes one space, and the ends are trimmed.
     * Null becomes "".
     */
    public static String plainText(String text) {
        return text == null ? "" : CONTROLS.matcher(text).replaceAll(" ").strip();
    }

    private final DataSource dataSource;

    public Suppressions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static final String INSERT = SqlStatement.INSERT_SUPPRESSION.text();
    private static final String LIST = SqlStatement.SUPPRESSION_LIST.text();

    /** @return true when the entry is new */
    public boolean add(Entry entry, SuppressionReason reason, String source) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, entry.email());
            ps.setString(2, entry.domain());
            ps.setString(3, reason.reason());
            ps.setString(4, reason.note());
            ps.setString(5, source == null ? null : plainText(source));
            return ps.executeUpdate() == 1;
        }
    }

    /** @return true when there was such an entry */
    public boolean remove(Entry entry) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SqlStatement.DELETE_SUPPRESSION.text())) {
            ps.setString(1, entry.email());
            ps.setString(2, entry.domain());
            return ps.executeUpdate() > 0;
        }
    }

    /** Is this address suppressed, itself or through its domain? */
    public boolean covers(String email) throws SQLException {
        String e = email.trim().toLowerCase(Locale.ROOT);
        String domain = DomainKey.normalise(e.substring(e.indexOf('@') + 1));
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(SqlStatement.SUPPRESSION_COVERS.text())) {
            ps.setString(1, e);
            ps.setString(2, domain);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Every entry, oldest first: entry, kind (email or domain), reason, note, source, created_at. */
    public List<Map<String, Object>> list() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(LIST);
                ResultSet rs = ps.executeQuery()) {
            var rows = new ArrayList<Map<String, Object>>();
            while (rs.next()) {
                var row = new LinkedHashMap<String, Object>();
                row.put("entry", rs.getString("entry"));
                row.put("kind", rs.getString("kind"));
                row.put("reason", rs.getString("reason"));
                row.put("note", rs.getString("note"));
                row.put("source", rs.getString("source"));
                row.put("created_at", String.valueOf(rs.getObject("created_at", java.time.OffsetDateTime.class)));
                rows.add(row);
            }
            return rows;
        }
    }
}
