package dev.outreachpipeline.db;

import java.util.List;

/** Adopts the Python predecessor's database (work in progress). */
public final class LegacyAdoption {
    private final Database db;

    public LegacyAdoption(Database db) {
        this.db = db;
    }

    public List<String> adopt(DatabaseState state) {
        throw new UnsupportedOperationException("adoption of " + db.description() + " is not implemented yet");
    }
}
