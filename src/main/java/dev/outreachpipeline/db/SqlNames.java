package dev.outreachpipeline.db;

import java.util.ArrayList;
import java.util.List;

/**
 * Identifiers in SQL we build ourselves, and in the constraint definitions PostgreSQL prints
 * (which quote a name only when it needs quoting, e.g. {@code FOREIGN KEY ("Job id") REFERENCES jobs(id)}).
 */
final class SqlNames {

    private SqlNames() {}

    /** Always quoted: a column named like a keyword ({@code key}, {@code user}) then needs no special case. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    static String quotedList(List<String> identifiers) {
        return String.join(", ", identifiers.stream().map(SqlNames::quote).toList());
    }

    /** The names in the first parenthesised list after {@code keyword}, e.g. the columns of {@code PRIMARY KEY (a, b)}. */
    static List<String> listAfter(String definition, String keyword) {
        int at = definition.indexOf(keyword);
        if (at < 0) {
            throw new IllegalArgumentException("no " + keyword + " in: " + definition);
        }
        int open = definition.indexOf('(', at + keyword.length());
        if (open < 0) {
            throw new IllegalArgumentException("no column list after " + keyword + " in: " + definition);
        }
        var names = new ArrayList<String>();
        int i = open + 1;
        while (true) {
            i = skipSpaces(definition, i);
            var name = new StringBuilder();
            i = readIdentifier(definition, i, name);
            names.add(name.toString());
            i = skipSpaces(definition, i);
            if (i >= definition.length()) {
                throw new IllegalArgumentException("unterminated column list in: " + definition);
            }
            char c = definition.charAt(i++);
            if (c == ')') {
                return names;
            }
            if (c != ',') {
                throw new IllegalArgumentException("unexpected '" + c + "' in: " + definition);
            }
        }
    }

    /**
     * The table a foreign key definition references, as written: {@code [schema.]table}. Our own
     * schema's qualifier has been taken out by {@link SchemaCatalog}, so a remaining dot means
     * another schema.
     */
    static List<String> referencedTable(String foreignKeyDefinition) {
        String keyword = "REFERENCES ";
        int at = foreignKeyDefinition.indexOf(keyword);
        if (at < 0) {
            throw new IllegalArgumentException("not a foreign key: " + foreignKeyDefinition);
        }
        var parts = new ArrayList<String>();
        int i = at + keyword.length();
        while (true) {
            var name = new StringBuilder();
            i = readIdentifier(foreignKeyDefinition, skipSpaces(foreignKeyDefinition, i), name);
            parts.add(name.toString());
            if (i < foreignKeyDefinition.length() && foreignKeyDefinition.charAt(i) == '.') {
                i++;
            } else {
                return parts;
            }
        }
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int readIdentifier(String s, int i, StringBuilder name) {
        if (i < s.length() && s.charAt(i) == '"') {
            i++;
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    if (i < s.length() && s.charAt(i) == '"') {
                        name.append('"');
                        i++;
                    } else {
                        return i;
                    }
                } else {
                    name.append(c);
                }
            }
            throw new IllegalArgumentException("unterminated quoted name in: " + s);
        }
        int start = i;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "(),.".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        if (i == start) {
            throw new IllegalArgumentException("expected a name at position " + start + " of: " + s);
        }
        name.append(s, start, i);
        return i;
    }
}
