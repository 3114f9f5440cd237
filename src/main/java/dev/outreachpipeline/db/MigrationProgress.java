package dev.outreachpipeline.db;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per migration as it starts, for the operator watching a long migration.
 * Flyway's own logging stays at WARN, so the scratch-schema migrations behind `db verify` stay quiet.
 */
final class MigrationProgress implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationProgress.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        var m = context.getMigrationInfo();
        LOG.info("Applying migration V{} ({})", m.getVersion(), m.getDescription());
    }

    @Override
    public String getCallbackName() {
        return "migration-progress";
    }
}
