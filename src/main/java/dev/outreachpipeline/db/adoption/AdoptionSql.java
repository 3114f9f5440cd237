package dev.outreachpipeline.db.adoption;

import dev.outreachpipeline.db.SqlStatement;
import java.util.Map;

/**
 * The adoption's statements, from {@code sql/adoption-*.sql} with the names filled in: DDL and the
 * checks on existing rows name tables and columns, which JDBC cannot bind as parameters. The names
 * come from the database's own catalog, never from input.
 */
final class AdoptionSql {

    private AdoptionSql() {}

    /** The statement with every {@code {name}} filled, without the file's trailing line break (plans show it). */
    static String fill(SqlStatement statement, Map<String, String> values) {
        return statement.fill(values).strip();
    }
}
