package dev.outreachpipeline.cli;

import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.campaigns.Campaign;
import dev.outreachpipeline.campaigns.CampaignStore;
import dev.outreachpipeline.db.Database;
import dev.outreachpipeline.db.SchemaVersion;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The campaign a command names ({@code --campaign NAME}, or a {@code campaign} subcommand's NAME):
 * found, or a usage error that lists the campaigns there are. Also the cheap look at Flyway's history
 * these commands make first, so an unmigrated database is named as such, not as a missing table.
 */
final class CampaignOption {

    private CampaignOption() {}

    /** The id of the campaign named {@code name}; null when no name was given (every campaign). */
    static UUID idOrNull(Database db, String name) throws SQLException {
        return name == null ? null : require(db, name).id();
    }

    static Campaign require(Database db, String name) throws SQLException {
        requireMigrated(db);
        var store = new CampaignStore(db.dataSource());
        Optional<Campaign> found = store.find(name);
        if (found.isEmpty()) {
            throw unknown(name, store.names());
        }
        return found.get();
    }

    static void requireMigrated(Database db) {
        var version = SchemaVersion.of(db);
        if (!version.isCurrent()) {
            throw new OutreachException(
                    "The database (" + db.description() + ") is not migrated (at " + version.display() + ", newest "
                            + version.latest() + "); run `outreach db migrate`.",
                    ExitCodes.DRIFT);
        }
    }

    private static OutreachException unknown(String name, List<String> names) {
        return new OutreachException(
                "No campaign is named '" + TerminalText.line(name) + "'"
                        + (names.isEmpty() ? "." : "; the campaigns are: " + String.join(", ", names) + ".")
                        + " `outreach campaign list` shows them, `outreach campaign create NAME` makes one.",
                ExitCodes.USAGE);
    }
}
