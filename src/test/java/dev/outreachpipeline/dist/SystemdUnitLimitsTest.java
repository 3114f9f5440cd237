package dev.outreachpipeline.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.config.OutreachConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The systemd unit gives the daemon file descriptors enough for a full public port and everything else. */
class SystemdUnitLimitsTest {

    @Test
    void theOpenFileLimitIsWellAboveThePublicConnectionLimit() throws Exception {
        String unit = Files.readString(Path.of("src/dist/systemd/outreach-pipeline.service"));
        Matcher limit = Pattern.compile("(?m)^LimitNOFILE=(\\d+)$").matcher(unit);
        int maxConnections = OutreachConfig.load(null, Map.of(), Path.of(".")).getInt("outreach.http.max-connections");

        assertThat(limit.find()).as("LimitNOFILE in the unit").isTrue();
        assertThat(Integer.parseInt(limit.group(1))).isGreaterThanOrEqualTo(4 * maxConnections + 1024);
    }

    @Test
    void theUnsubscribeJournalIsKeptInTheServicesStateDirectory() throws Exception {
        String unit = Files.readString(Path.of("src/dist/systemd/outreach-pipeline.service"));
        String dockerfile = Files.readString(Path.of("Dockerfile"));

        // the distribution's own directory is not writable by the service user
        assertThat(unit).contains("Environment=OUTREACH_UNSUBSCRIBE_JOURNAL_FILE=/var/lib/outreach-pipeline/");
        assertThat(dockerfile).contains("OUTREACH_UNSUBSCRIBE_JOURNAL_FILE=/var/lib/outreach-pipeline/");
    }
}
