package dev.outreachpipeline.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.daemon.DaemonSettings;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

/** Proves routes/05-heartbeat.camel.yaml: each beat records that this node is alive (daemon_settings.seen_at). */
class HeartbeatRouteIT extends RouteTestSupport {

    @Override
    protected String[] routeFiles() {
        return new String[] {"05-heartbeat"};
    }

    @Test
    void aBeatRecordsThatTheNodeWasSeen() throws Exception {
        DaemonSettings.recordStart(db.dataSource(), node.node(), config);
        testDb.execute("UPDATE daemon_settings SET seen_at = now() - interval '1 hour'");
        OffsetDateTime before = seenAt();

        var beat = new NotifyBuilder(context)
                .fromRoute("daemon-heartbeat")
                .whenCompleted(1)
                .create();
        context.start();

        assertThat(beat.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seenAt()).isAfter(before.plusMinutes(59));
    }

    private OffsetDateTime seenAt() throws Exception {
        try (var c = testDb.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT seen_at FROM daemon_settings")) {
            assertThat(rs.next()).isTrue();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }
}
