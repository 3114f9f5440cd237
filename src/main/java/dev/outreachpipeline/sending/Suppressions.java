package dev.outreachpipeline.sending;

import dev.outreachpipeline.db.SqlStatement;
import dev.outreachpipeline.discovery.DomainKey;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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

    /** One page of the list, newest first, and the cursor of the next (null when this is the last). */
    public record Page(List<Map<String, Object>> rows, String nextCursor) {}

    /**
     * The entries whose address or domain, reason, note or source contains {@code q} (any case; null for
     * all), newest first, {@code limit} at most, starting after {@code cursor} (null for the top).
     *
     * @throws IllegalArgumentException when {@code cursor} is not one a page handed out
     */
    public Page page(String q, String cursor, int limit) throws SQLException {
        var values = new java.util.HashMap<String, Object>();
        values.put("q", q);
        values.put("afterCreated", null);
        values.put("afterEntry", null);
        values.put("limit", limit + 1);
        if (cursor != null) {
            try {
                String key = new String(java.util.Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = key.indexOf('|');
                values.put(
                        "afterCreated",
                        java.time.Instant.parse(key.substring(0, bar)).toString());
                values.put("afterEntry", key.substring(bar + 1));
            } catch (IllegalArgumentException | IndexOutOfBoundsException | java.time.DateTimeException e) {
                throw new IllegalArgumentException(
                        "cursor is not one this list handed out; follow the next-page link as it came, or leave it"
                                + " out to start at the top",
                        e);
            }
        }
        // one row more than asked says whether there is a next page
        List<Map<String, Object>> rows = SqlStatement.SUPPRESSION_PAGE.jdbc().rows(dataSource, values);
        boolean more = rows.size() > limit;
        List<Map<String, Object>> page = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            Map<String, Object> last = page.get(limit - 1);
            Object created = last.get("created_at");
            java.time.Instant at =
                    created instanceof java.sql.Timestamp t ? t.toInstant() : ((OffsetDateTime) created).toInstant();
            String key = at + "|" + last.get("entry");
            next = java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(key.getBytes(StandardCharsets.UTF_8));
        }
        return new Page(List.copyOf(page), next);
    }
}
