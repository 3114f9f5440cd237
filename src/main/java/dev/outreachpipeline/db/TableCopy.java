package dev.outreachpipeline.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A table's rows to and from CSV through the driver's COPY, and the SHA-256 by which a backup's
 * files are checked. Backup and restore's re-export must run the very same query under the very
 * same output settings, or equal rows would not give equal files.
 */
final class TableCopy {

    /** What one export produced. */
    record Exported(long rows, String sha256) {}

    private TableCopy() {}

    /**
     * Fixes, for the current transaction only, every setting that changes how values are printed.
     * The driver sets the session time zone to the JVM's, so without this a backup taken on one
     * machine and checked on another would print timestamps differently.
     */
    static void pinOutputFormat(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(SqlStatement.PIN_OUTPUT_FORMAT.text());
        }
    }

    /**
     * Columns are named rather than {@code *}, so the file's columns are the manifest's whatever
     * order the columns have in a particular database (an adopted one may differ).
     */
    static String exportSql(String schema, String table, List<String> columns, List<String> key) {
        return SqlStatement.COPY_TABLE_OUT.fill(Map.of(
                "table",
                SqlNames.qualified(schema, table),
                "columns",
                SqlNames.quotedList(columns),
                "key",
                SqlNames.quotedList(key)));
    }

    static String importSql(String schema, String table, List<String> columns) {
        return SqlStatement.COPY_TABLE_IN.fill(
                Map.of("table", SqlNames.qualified(schema, table), "columns", SqlNames.quotedList(columns)));
    }

    static Exported export(Connection c, String sql, OutputStream out) throws SQLException, IOException {
        MessageDigest digest = sha256();
        long rows;
        try (var digesting = new DigestOutputStream(new NonClosing(out), digest)) {
            rows = copyApi(c).copyOut(sql, digesting);
        }
        return new Exported(rows, HexFormat.of().formatHex(digest.digest()));
    }

    static long load(Connection c, String sql, Path file) throws SQLException, IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return copyApi(c).copyIn(sql, in);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static CopyManager copyApi(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Leaves closing the target to whoever opened it (the caller still has to force it to disk). */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
