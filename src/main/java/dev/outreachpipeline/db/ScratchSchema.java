package dev.outreachpipeline.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The schema the migrations define (without Flyway's own history table), obtained the only trustworthy way: by running them into a
 * throw-away schema of the same database and reading its catalog. The scratch schema is always
 * dropped again, whatever happens.
 */
public final class ScratchSchema {

    public static final String PREFIX = "outreach_scratch_";

    private ScratchSchema() {}

    /** The catalog after every migration. */
    public static SchemaCatalog expectedCatalog(DataSource dataSource) throws SQLException {
        return expectedCatalog(dataSource, MigrationVersion.LATEST);
    }

    /** The catalog after the migrations up to and including {@code target}. */
    public static SchemaCatalog expectedCatalog(DataSource dataSource, MigrationVersion target) throws SQLException {
        String scratch =
                PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try {
            Migrations.configure(dataSource, scratch).target(target).load().migrate();
            try (Connection c = dataSource.getConnection()) {
                SchemaCatalog catalog = SchemaCatalog.read(c, scratch);
                var tables = new java.util.TreeMap<>(catalog.tables());
                tables.remove(Migrations.HISTORY_TABLE); // Flyway's bookkeeping, not part of the schema
                return new SchemaCatalog(null, java.util.Collections.unmodifiableMap(tables), catalog.functions());
            }
        } finally {
            try (Connection c = dataSource.getConnection();
                    Statement st = c.createStatement()) {
                st.execute(SqlStatement.DROP_SCRATCH_SCHEMA.fill(java.util.Map.of("schema", SqlNames.quote(scratch))));
            }
        }
    }
}
