package dev.outreachpipeline.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** How Flyway is set up for this project; every piece that migrates goes through here. */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";
    public static final String HISTORY_TABLE = "flyway_schema_history";
    /** The migration that makes prospects.domain unique; old data may have to be de-duplicated first. */
    public static final MigrationVersion UNIQUE_DOMAIN = MigrationVersion.fromVersion("4");

    private Migrations() {}

    public static FluentConfiguration configure(DataSource dataSource, String schema) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .baselineVersion(MigrationVersion.fromVersion("1"))
                .loggers("slf4j");
    }

    public static Flyway flyway(DataSource dataSource, String schema) {
        return configure(dataSource, schema).load();
    }

    /** For migrations an operator waits on: one progress line per migration. */
    public static FluentConfiguration configureWithProgress(DataSource dataSource, String schema) {
        return configure(dataSource, schema).callbacks(new MigrationProgress());
    }
}
