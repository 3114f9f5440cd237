package dev.outreachpipeline.console;

import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the console's sections read from a request and how they print values for a template. */
final class RequestValues {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RequestValues() {}

    /** A query parameter, trimmed; null when absent or empty (an empty filter filters nothing). */
    static String query(RoutingContext ctx, String name) {
        List<String> values = ctx.queryParam(name);
        return values.isEmpty() ? null : blankToNull(values.get(0));
    }

    /** A form field, trimmed; null when absent or empty. */
    static String form(RoutingContext ctx, String name) {
        return blankToNull(ctx.request().getFormAttribute(name));
    }

    /** A form field as typed, "" when absent (to show it again in the form). */
    static String typed(RoutingContext ctx, String name) {
        String value = ctx.request().getFormAttribute(name);
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A time as the console prints it, in UTC; "" for none. */
    static String time(Object value) {
        Instant at;
        if (value instanceof OffsetDateTime t) {
            at = t.toInstant();
        } else if (value instanceof java.sql.Timestamp t) {
            at = t.toInstant();
        } else if (value instanceof Instant t) {
            at = t;
        } else {
            return value == null ? "" : value.toString();
        }
        return at.atZone(ZoneOffset.UTC).format(TIME);
    }

    /** The value as text for a template; "" for null. */
    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** {@code path?name=value&…} with every given (non-null) value encoded; pairs of name, value. */
    static String link(String path, String... pairs) {
        var out = new StringBuilder(path);
        char sep = '?';
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.append(sep)
                        .append(pairs[i])
                        .append('=')
                        .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return out.toString();
    }
}
