package dev.outreachpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void plainModePrintsAStageChangeAtOnceAndCountersAtMostOncePerInterval() {
        var lines = new ArrayList<String>();
        Progress progress = Progress.plain(lines::add, clock, Duration.ofSeconds(5));

        progress.update("pending", 0, 0, "pending");
        progress.update("running", 0, 4, "running, 0/4");
        clock.advance(Duration.ofSeconds(1));
        progress.update("running", 1, 4, "running, 1/4"); // too soon: held back
        clock.advance(Duration.ofSeconds(1));
        progress.update("running", 2, 4, "running, 2/4"); // still too soon
        clock.advance(Duration.ofSeconds(4));
        progress.update("running", 3, 4, "running, 3/4"); // the interval has passed
        clock.advance(Duration.ofSeconds(1));
        progress.update("completed", 4, 4, "completed, 4/4");

        assertThat(lines).containsExactly("pending", "running, 0/4", "running, 3/4", "completed, 4/4");
        assertThat(lines).noneMatch(l -> l.contains("\r"));
    }

    @Test
    void plainModeShowsTheLastStateOnFinishWhenItWasHeldBack() {
        var lines = new ArrayList<String>();
        Progress progress = Progress.plain(lines::add, clock, Duration.ofSeconds(5));

        progress.update("backup", 0, 3, "table 1/3");
        progress.update("backup", 1, 3, "table 2/3");
        progress.line("Backed up jobs: 2 row(s)");
        progress.finish();
        progress.finish();

        assertThat(lines).containsExactly("table 1/3", "Backed up jobs: 2 row(s)", "table 2/3");
    }

    @Test
    void plainModeRepeatsNothingUnchanged() {
        var lines = new ArrayList<String>();
        Progress progress = Progress.plain(lines::add, clock, Duration.ofSeconds(5));

        progress.update("running", 1, 4, "running, 1/4");
        clock.advance(Duration.ofSeconds(30));
        progress.update("running", 1, 4, "running, 1/4");
        progress.finish();

        assertThat(lines).containsExactly("running, 1/4");
    }

    @Test
    void terminalModeRedrawsOneLineWithABarCountsAndElapsedTime() {
        var screen = new StringWriter();
        Progress progress = Progress.terminal(new PrintWriter(screen), clock);

        progress.update("running", 0, 40, "running, 0/40 queries done, 0 prospects saved");
        clock.advance(Duration.ofSeconds(42));
        progress.update("running", 12, 40, "running, 12/40 queries done, 85 prospects saved");
        clock.advance(Duration.ofSeconds(1));
        progress.update("completed", 40, 40, "completed");
        progress.finish();

        String[] draws = screen.toString().split("\r", -1);
        assertThat(draws[0]).isEmpty();
        assertThat(draws[1]).startsWith("[----------] running, 0/40 queries done, 0 prospects saved  00:00");
        assertThat(draws[2]).startsWith("[###-------] running, 12/40 queries done, 85 prospects saved  00:42");
        // a shorter line wipes what the longer one left behind
        assertThat(draws[3]).startsWith("[##########] completed  00:43").endsWith("   ");
        assertThat(draws[3].length()).isEqualTo(draws[2].length());
        // finish ends the line, once
        assertThat(screen.toString()).endsWith("\n");
        assertThat(screen.toString().chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void terminalModeRedrawsAtMostTenTimesASecondWithinAStage() {
        var screen = new StringWriter();
        Progress progress = Progress.terminal(new PrintWriter(screen), clock);

        for (int i = 0; i < 50; i++) {
            progress.update("load", i, 100, "row " + i);
        }

        assertThat(screen.toString().chars().filter(c -> c == '\r').count()).isEqualTo(1);
        clock.advance(Duration.ofMillis(100));
        progress.update("load", 60, 100, "row 60");
        assertThat(screen.toString()).contains("[######----] row 60");
    }

    @Test
    void terminalModePrintsPermanentLinesAboveTheBar() {
        var screen = new StringWriter();
        Progress progress = Progress.terminal(new PrintWriter(screen), clock);

        progress.update("backup", 0, 2, "backing up jobs");
        progress.line("Backed up jobs: 2 row(s) to jobs.csv");
        progress.finish();

        List<String> lines = List.of(screen.toString().split("\n"));
        assertThat(lines.get(0).substring(lines.get(0).lastIndexOf('\r') + 1))
                .isEqualTo("Backed up jobs: 2 row(s) to jobs.csv");
        assertThat(lines.get(1)).contains("[----------] backing up jobs");
    }

    @Test
    void terminalModeShowsTheStateAfterAPermanentLineAtOnce() {
        var screen = new StringWriter();
        Progress progress = Progress.terminal(new PrintWriter(screen), clock);

        progress.update("backup", 0, 2, "backing up jobs");
        progress.line("Backed up jobs: 2 row(s) to jobs.csv");
        progress.update("backup", 1, 2, "backing up prospects");

        String screenNow = screen.toString();
        assertThat(screenNow.substring(screenNow.lastIndexOf('\r') + 1))
                .startsWith("[#####-----] backing up prospects");
    }

    @Test
    void onlyAConsoleThatIsNotDumbAndNotLoggingJsonIsInteractive() {
        assertThat(Progress.isInteractive(true, Map.of("TERM", "xterm-256color")))
                .isTrue();
        assertThat(Progress.isInteractive(true, Map.of())).isTrue();
        assertThat(Progress.isInteractive(false, Map.of("TERM", "xterm"))).isFalse();
        assertThat(Progress.isInteractive(true, Map.of("TERM", "dumb"))).isFalse();
        assertThat(Progress.isInteractive(true, Map.of("OUTREACH_LOG_FORMAT", "json")))
                .isFalse();
    }

    @Test
    void barsAndElapsedTimesAreFormatted() {
        assertThat(Progress.bar(0, 0)).isEmpty();
        assertThat(Progress.bar(5, 10)).isEqualTo("[#####-----] ");
        assertThat(Progress.bar(15, 10)).isEqualTo("[##########] ");
        assertThat(Progress.elapsed(Duration.ofSeconds(42))).isEqualTo("00:42");
        assertThat(Progress.elapsed(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }
}
