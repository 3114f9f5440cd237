package dev.outreachpipeline.db.adoption;

import dev.outreachpipeline.db.SqlFiles;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The adoption's statements, from {@code sql/adoption-*.sql} with the names filled in: DDL and the
 * checks on existing rows name tables and columns, which JDBC cannot bind as parameters. The names
 * come from the database's own catalog, never from input.
 */
final class AdoptionSql {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private AdoptionSql() {
    }

    /** {@code sql/<file>} with every {@code {name}} replaced in one pass, so a value holding braces stays as it is. */
    static String fill(String file, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(SqlFiles.read(file).strip());
        var sql = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("sql/" + file + " needs {" + m.group(1) + "}");
            }
            m.appendReplacement(sql, Matcher.quoteReplacement(value));
        }
        m.appendTail(sql);
        return sql.toString();
    }
}
