package dev.outreachpipeline.db;

import java.util.Locale;

/**
 * One way in which a database differs from what the migrations define.
 *
 * @param kind     what sort of difference, which also decides how it is fixed
 * @param object   the object concerned: {@code table}, {@code table.column}, {@code table.index},
 *                 {@code function(args)} or a migration such as {@code V3}
 * @param expected what the migrations define, or null when they define nothing there
 * @param actual   what the database holds, or null when it holds nothing there
 * @param message  the difference in one sentence, for a person
 */
public record SchemaDifference(Kind kind, String object, String expected, String actual, String message) {

    /** How a difference can be put right; decides the advice at the end of a report. */
    public enum Remedy {
        /** {@code outreach db migrate} puts it right. */
        MIGRATE,
        /** Someone changed the schema by hand: undo it, or turn it into a new migration. */
        HAND_MADE,
        /** The migration history itself disagrees with this build's migration files. */
        HISTORY,
        /** The schema belongs to something else; migrating would refuse it. */
        FOREIGN
    }

    public enum Kind {
        NOT_MIGRATED(Remedy.MIGRATE),
        UNRECOGNISED_SCHEMA(Remedy.FOREIGN),
        MIGRATION_PENDING(Remedy.MIGRATE),
        MIGRATION_FAILED(Remedy.HISTORY),
        MIGRATION_CHECKSUM_MISMATCH(Remedy.HISTORY),
        MIGRATION_UNKNOWN(Remedy.HISTORY),
        MIGRATION_INVALID(Remedy.HISTORY),
        TABLE_MISSING(Remedy.HAND_MADE),
        TABLE_EXTRA(Remedy.HAND_MADE),
        COLUMN_MISSING(Remedy.HAND_MADE),
        COLUMN_EXTRA(Remedy.HAND_MADE),
        COLUMN_TYPE_CHANGED(Remedy.HAND_MADE),
        COLUMN_NULLABILITY_CHANGED(Remedy.HAND_MADE),
        COLUMN_DEFAULT_CHANGED(Remedy.HAND_MADE),
        INDEX_MISSING(Remedy.HAND_MADE),
        INDEX_EXTRA(Remedy.HAND_MADE),
        INDEX_CHANGED(Remedy.HAND_MADE),
        INDEX_RENAMED(Remedy.HAND_MADE),
        CONSTRAINT_MISSING(Remedy.HAND_MADE),
        CONSTRAINT_EXTRA(Remedy.HAND_MADE),
        CONSTRAINT_CHANGED(Remedy.HAND_MADE),
        CONSTRAINT_RENAMED(Remedy.HAND_MADE),
        TRIGGER_MISSING(Remedy.HAND_MADE),
        TRIGGER_EXTRA(Remedy.HAND_MADE),
        TRIGGER_CHANGED(Remedy.HAND_MADE),
        FUNCTION_MISSING(Remedy.HAND_MADE),
        FUNCTION_EXTRA(Remedy.HAND_MADE),
        FUNCTION_CHANGED(Remedy.HAND_MADE);

        private final Remedy remedy;

        Kind(Remedy remedy) {
            this.remedy = remedy;
        }

        public Remedy remedy() {
            return remedy;
        }

        /** The name used in JSON, e.g. {@code index-missing}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Remedy remedy() {
        return kind.remedy();
    }
}
