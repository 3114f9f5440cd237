package dev.outreachpipeline.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.outreachpipeline.OutreachException;
import dev.outreachpipeline.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code manifest.json} of a backup directory: what was backed up, from where, at which schema
 * version, and for every table its file, columns, row count and the SHA-256 of the file, which
 * restore checks before it loads anything.
 *
 * @param formatVersion  the layout of the backup directory, {@link #FORMAT_VERSION}
 * @param createdAt      when the backup's snapshot was taken, ISO-8601 UTC
 * @param programVersion the program that wrote it, or null for a development build
 * @param schemaVersion  the Flyway version of the schema the rows belong to
 * @param database       which database it came from, password masked
 * @param schema         the schema the tables were in
 * @param tables         in the order a restore loads them (parents first)
 */
public record BackupManifest(
        int formatVersion,
        String createdAt,
        String programVersion,
        String schemaVersion,
        String database,
        String schema,
        List<TableEntry> tables) {

    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "manifest.json";

    public record TableEntry(String name, String file, List<String> columns, long rows, String sha256) {}

    // Field names are snake_case, like the rest of the operator-facing files.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // A later program may add fields; the format version is what says whether we can read it.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public Optional<TableEntry> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a backup manifest as JSON", e);
        }
    }

    public static BackupManifest fromJson(String json) throws JsonProcessingException {
        return JSON.readValue(json, BackupManifest.class);
    }

    /** Reads {@code dir/manifest.json}, refusing (exit 1) anything that is not a manifest this program can restore. */
    public static BackupManifest readFrom(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        BackupManifest manifest;
        try {
            manifest = fromJson(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new OutreachException(
                    dir + " is not a backup: it has no " + FILE_NAME
                            + ". Name the directory `outreach db backup --to` wrote.",
                    ExitCodes.FAILURE,
                    e);
        } catch (IOException e) {
            throw new OutreachException(
                    "Cannot read the backup manifest " + file + ": " + e.getMessage(), ExitCodes.FAILURE, e);
        }
        if (manifest.formatVersion() != FORMAT_VERSION) {
            throw new OutreachException(
                    "The backup in " + dir + " has format version " + manifest.formatVersion()
                            + "; this program reads format version " + FORMAT_VERSION
                            + ". Restore it with the program version that wrote it ("
                            + (manifest.programVersion() == null ? "unknown" : manifest.programVersion()) + ").",
                    ExitCodes.FAILURE);
        }
        if (manifest.schemaVersion() == null
                || manifest.tables() == null
                || manifest.tables().isEmpty()) {
            throw new OutreachException(
                    "The backup manifest " + file + " is incomplete: it names no schema version or no tables.",
                    ExitCodes.FAILURE);
        }
        return manifest;
    }
}
