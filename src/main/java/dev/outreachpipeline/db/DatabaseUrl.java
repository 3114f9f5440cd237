package dev.outreachpipeline.db;

import dev.outreachpipeline.config.Masking;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * A PostgreSQL location as operators are given it: {@code postgres://user:pass@host:port/db} or
 * {@code postgresql://…} (as hosting platforms hand it out, with {@code ?sslmode=…}), or a
 * {@code jdbc:postgresql://…} URL. Credentials are split off the JDBC URL so the URL can be logged.
 *
 * @param jdbcUrl  the JDBC URL without user and password
 * @param user     the user, or null to let the driver decide
 * @param password the password, or null; never printed (see {@link #toString()})
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    public static DatabaseUrl parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("the database URL is empty");
        }
        String url = raw.trim();
        if (url.startsWith("jdbc:postgresql:")) {
            return parseJdbc(url);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            return parseUri(url);
        }
        throw new IllegalArgumentException(
                "the database URL must start with postgres://, postgresql:// or jdbc:postgresql://, is '"
                        + Masking.maskUrl(url) + "'");
    }

    private static DatabaseUrl parseUri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "the database URL '" + Masking.maskUrl(url) + "' is malformed: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("the database URL '" + Masking.maskUrl(url) + "' names no host");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isBlank()) {
            throw new IllegalArgumentException(
                    "the database URL '" + Masking.maskUrl(url) + "' names no database (…/DBNAME)");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        var params = new ArrayList<String>();
        if (uri.getRawQuery() != null) {
            for (String p : uri.getRawQuery().split("&")) {
                String name = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
                String value = p.contains("=") ? decode(p.substring(p.indexOf('=') + 1)) : "";
                if (name.equals("user")) {
                    user = value;
                } else if (name.equals("password")) {
                    password = value;
                } else if (!name.isEmpty()) {
                    params.add(p);
                }
            }
        }
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[")
                ? "[" + uri.getHost() + "]"
                : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String jdbc = "jdbc:postgresql://" + host + ":" + port + "/" + database
                + (params.isEmpty() ? "" : "?" + String.join("&", params));
        return new DatabaseUrl(jdbc, user, password);
    }

    private static DatabaseUrl parseJdbc(String url) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        if (!base.matches("jdbc:postgresql://[^/]+/[^/?]+")) {
            throw new IllegalArgumentException("the database URL '" + Masking.maskUrl(url)
                    + "' is not of the form jdbc:postgresql://HOST[:PORT]/DATABASE[?…]");
        }
        String user = null;
        String password = null;
        List<String> params = new ArrayList<>();
        if (q >= 0) {
            for (String p : url.substring(q + 1).split("&")) {
                String name = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
                String value = p.contains("=") ? decode(p.substring(p.indexOf('=') + 1)) : "";
                if (name.equals("user")) {
                    user = value;
                } else if (name.equals("password")) {
                    password = value;
                } else if (!name.isEmpty()) {
                    params.add(p);
                }
            }
        }
        return new DatabaseUrl(base + (params.isEmpty() ? "" : "?" + String.join("&", params)), user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The location as a person should see it: user shown, password and credential parameters masked. */
    public String display() {
        String who = user == null ? "" : user + (password == null ? "" : ":" + Masking.MASK) + "@";
        // The JDBC URL keeps the driver's own parameters, some of them credentials (sslpassword…).
        return Masking.maskUrl(
                jdbcUrl.replaceFirst("^jdbc:postgresql://", "postgresql://" + Matcher.quoteReplacement(who)));
    }

    @Override
    public String toString() {
        return display();
    }
}
