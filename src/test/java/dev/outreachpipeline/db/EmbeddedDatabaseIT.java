package dev.outreachpipeline.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outreachpipeline.testsupport.FileLockHolder;
import dev.outreachpipeline.testsupport.JarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL the program itself runs when no DATABASE_URL is set (not the tests' own server). */
class EmbeddedDatabaseIT {

    private static final Duration LONG = Duration.ofSeconds(30);

    @TempDir
    Path workDir;

    @Test
    void committedDataSurvivesAMachineCrash() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.startOrAttach(workDir.resolve("postgres"), 0);
                Connection c =
                        DriverManager.getConnection(db.url().jdbcUrl(), db.url().user(), null)) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            assertThat(show(c, "full_page_writes")).isEqualTo("on");
            assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aDataDirectoryHeldByAnotherProcessNamesItAndSaysHowToGoOn() throws Exception {
        Path dir = initialisedDataDirectory();
        try (JarProcess holder =
                JarProcess.startCommand(workDir, Map.of(), FileLockHolder.command(dir.resolve("epg-lock")))) {
            holder.awaitErr("locked", LONG);

            assertThatThrownBy(() -> EmbeddedDatabase.startOrAttach(dir, 0))
                    .hasMessageContaining("The embedded PostgreSQL in " + dir
                            + " is in use by another outreach command or the daemon")
                    .hasMessageContaining("Wait for it to finish, or stop it")
                    .hasMessageContaining("the same PostgreSQL through DATABASE_URL")
                    .hasMessageNotContaining("could not lock");
        }
    }

    @Test
    void whenTheOtherProcessRecordedItsServerTheMessageSaysHowToConnectToIt() throws Exception {
        Path dir = initialisedDataDirectory();
        // a server whose process this one cannot see (another container, say): pid 0 is never ours to signal
        Files.writeString(dir.resolve("postmaster.pid"), "0\n" + dir + "\n1700000000\n54329\n/tmp\n127.0.0.1\n");
        try (JarProcess holder =
                JarProcess.startCommand(workDir, Map.of(), FileLockHolder.command(dir.resolve("epg-lock")))) {
            holder.awaitErr("locked", LONG);

            assertThatThrownBy(() -> EmbeddedDatabase.startOrAttach(dir, 0))
                    .hasMessageContaining("is in use by another outreach command or the daemon")
                    .hasMessageContaining("Its server listens on 127.0.0.1:54329")
                    .hasMessageContaining("DATABASE_URL=postgres://postgres@127.0.0.1:54329/postgres");
        }
    }

    /** A data directory initdb has run in: the library looks for postgresql.conf, then takes its lock. */
    private Path initialisedDataDirectory() throws Exception {
        Path dir = Files.createDirectories(workDir.resolve("postgres"));
        Files.writeString(dir.resolve("postgresql.conf"), "# written by initdb\n");
        return dir;
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
