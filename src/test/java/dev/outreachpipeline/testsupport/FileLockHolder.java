package dev.outreachpipeline.testsupport;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A process of its own that locks a file as the embedded PostgreSQL library locks its data directory,
 * and holds the lock until it is killed: another outreach process that owns the directory.
 */
public final class FileLockHolder {

    private FileLockHolder() {}

    /** The command that runs this class in a new JVM on the test class path. */
    public static List<String> command(Path file) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(
                java, "-cp", System.getProperty("java.class.path"), FileLockHolder.class.getName(), file.toString());
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel channel =
                FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            System.err.println((lock.isValid() ? "locked " : "not locked ") + args[0]);
            System.err.flush();
            System.in.read(); // held until the test ends this process
        }
    }
}
