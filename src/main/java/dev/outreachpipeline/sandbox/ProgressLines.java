package dev.outreachpipeline.sandbox;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How the sandbox tells a person where it stands: plain lines, a stage at a time, and a status line
 * whenever the numbers change (at most one a second, so a fast stage does not flood the terminal).
 * The one place to change for another kind of progress display.
 */
public class ProgressLines {

    private static final Duration MIN_GAP = Duration.ofSeconds(1);

    private final PrintWriter out;
    private final Clock clock;
    private String lastStatus = "";
    private String pendingStatus;
    private Instant lastPrinted = Instant.EPOCH;

    public ProgressLines(PrintWriter out) {
        this(out, Clock.systemUTC());
    }

    ProgressLines(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** A stage begins. */
    public void stage(String text) {
        flushStatus();
        out.println("» " + text);
        out.flush();
    }

    /** A remark within the current stage. */
    public void note(String text) {
        out.println("  " + text);
        out.flush();
    }

    /** The numbers now; printed when they changed and the last status line is a second old. */
    public void status(String line) {
        if (line.equals(lastStatus)) {
            pendingStatus = null;
            return;
        }
        Instant now = clock.instant();
        if (Duration.between(lastPrinted, now).compareTo(MIN_GAP) >= 0) {
            print(line, now);
        } else {
            pendingStatus = line;
        }
    }

    /** Prints a status held back by the one-a-second rule, so a stage ends on its true numbers. */
    public void flushStatus() {
        if (pendingStatus != null) {
            print(pendingStatus, clock.instant());
        }
    }

    private void print(String line, Instant now) {
        out.println("  " + line);
        out.flush();
        lastStatus = line;
        lastPrinted = now;
        pendingStatus = null;
    }
}
