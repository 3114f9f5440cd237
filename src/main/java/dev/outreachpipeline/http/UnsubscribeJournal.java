package dev.outreachpipeline.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unsubscribes the database could not take when they were made, kept in a local file until it can:
 * one line a request ({@code prospect id TAB source TAB when}), appended and fsynced before the
 * visitor is told the request is recorded, so that neither a database outage nor a crash after the
 * answer loses one. Thread-safe; one daemon per file (the file sits in the daemon's own data directory).
 */
final class UnsubscribeJournal {

    private static final Logger LOG = LoggerFactory.getLogger(UnsubscribeJournal.class);

    /** One request as the journal holds it. */
    record Entry(UUID prospectId, String source, Instant at) {
        String line() {
            return prospectId + "\t" + source + "\t" + at + "\n";
        }

        /** The entry of a line, or empty for a line that is not one (a write cut short by a crash). */
        static Optional<Entry> parse(String line) {
            String[] parts = line.split("\t", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Entry(UUID.fromString(parts[0]), parts[1], Instant.parse(parts[2])));
            } catch (RuntimeException notAnEntry) {
                return Optional.empty();
            }
        }
    }

    private final Path file;

    UnsubscribeJournal(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    Path file() {
        return file;
    }

    /** Appends the request and returns once it is on disk. */
    synchronized void append(UUID prospectId, String source) throws IOException {
        Files.createDirectories(file.getParent());
        boolean created = !Files.exists(file);
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(new Entry(prospectId, source, Instant.now()).line());
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        if (created) {
            syncDirectory();
        }
    }

    /** The lines waiting now, oldest first; none when there is no journal. */
    synchronized List<String> lines() throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return List.of();
        }
    }

    /**
     * Removes the first {@code count} lines (those applied), keeping whatever was appended meanwhile.
     * The rest is written to a new file that replaces the journal in one step.
     */
    synchronized void dropFirst(int count) throws IOException {
        List<String> all = lines();
        List<String> rest = new ArrayList<>(all.subList(Math.min(count, all.size()), all.size()));
        if (rest.isEmpty()) {
            Files.deleteIfExists(file);
        } else {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            try (FileChannel out = FileChannel.open(
                    next, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(String.join("\n", rest) + "\n");
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory();
    }

    /** Makes a created, replaced or deleted file's directory entry durable too. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException notSupported) {
            // some file systems cannot sync a directory; the file's own data is synced already
            LOG.debug("Cannot sync directory {}: {}", file.getParent(), notSupported.toString());
        }
    }

    @Override
    public String toString() {
        return "UnsubscribeJournal[" + file + "]";
    }
}
