package dev.outreachpipeline.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** Prospects whose domains collide once normalised (work in progress). */
public final class DomainDuplicates {
    private DomainDuplicates() {
    }

    public static boolean uniqueDomainPending(Flyway flyway) {
        for (MigrationInfo m : flyway.info().pending()) {
            if (Migrations.UNIQUE_DOMAIN.equals(m.getVersion())) {
                return true;
            }
        }
        return false;
    }

    public static void refuseIfAny(Database db) {
    }
}
