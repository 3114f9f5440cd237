package dev.outreachpipeline.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How far a long command has got, for the person waiting (on stderr, never stdout). On an
 * interactive terminal it is one line redrawn in place with {@code \r}:
 * {@code [#####-----] running, 12/40 queries done, 85 prospects saved  00:42}. Anywhere else (a
 * pipe, a log file, CI, JSON logs) carriage returns would pile up into one unreadable line, so it
 * prints whole lines instead: at once when the stage changes, otherwise at most one per interval,
 * so a busy counter does not flood a log. The last state is always shown by {@link #finish()}.
 */
public final class Progress {

    /** Plain mode: the shortest gap between two lines of the same stage. */
    public static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);
    /** Terminal mode: the shortest gap between two redraws of the same stage. */
    static final Duration REDRAW_INTERVAL = Duration.ofMillis(100);

    static final int BAR_WIDTH = 10;

    private final Consumer<String> lines;
    private final PrintWriter terminal;
    private final Clock clock;
    private final Duration interval;
    private final Instant started;

    private String stage;
    private String shown;
    private String latest;
    private Instant shownAt;
    private int drawnWidth;

    private Progress(Consumer<String> lines, PrintWriter terminal, Clock clock, Duration interval) {
        this.lines = lines;
        this.terminal = terminal;
        this.clock = clock;
        this.interval = interval;
        this.started = clock.instant();
    }

    /** The right kind for a command's stderr: a redrawn bar on a terminal, plain lines otherwise. */
    public static Progress on(PrintWriter err, Map<String, String> env) {
        return isInteractive(System.console() != null, env)
                ? terminal(err, Clock.systemUTC())
                : plain(err::println, Clock.systemUTC(), PLAIN_INTERVAL);
    }

    /** Plain lines handed to {@code lines}, e.g. a caller's own progress consumer. */
    public static Progress lines(Consumer<String> lines) {
        return plain(lines, Clock.systemUTC(), PLAIN_INTERVAL);
    }

    static Progress plain(Consumer<String> lines, Clock clock, Duration interval) {
        return new Progress(Objects.requireNonNull(lines), null, clock, interval);
    }

    static Progress terminal(PrintWriter out, Clock clock) {
        return new Progress(out::println, Objects.requireNonNull(out), clock, REDRAW_INTERVAL);
    }

    /** A terminal that can take {@code \r}: not TERM=dumb (Emacs shells), not while logs are JSON. */
    static boolean isInteractive(boolean console, Map<String, String> env) {
        return console && !"dumb".equals(env.get("TERM")) && !"json".equals(env.get("OUTREACH_LOG_FORMAT"));
    }

    /** A message that stays, such as "Backed up jobs: 2 row(s)"; a bar being drawn moves below it. */
    public synchronized void line(String text) {
        if (terminal == null) {
            lines.accept(text);
            return;
        }
        clearBar();
        terminal.println(text);
        if (latest != null) {
            draw(latest);
        }
        terminal.flush();
        // A line marks a step done; the next state must show at once, not wait for a later update.
        shownAt = null;
    }

    /**
     * The current state.
     *
     * @param stage what is being done; a change of stage is always shown at once
     * @param done  units finished (queries, tables)
     * @param total units in all; 0 or less when unknown (no bar is drawn)
     * @param text  the state in words, e.g. "running, 3/10 queries done, 85 prospects saved"
     */
    public synchronized void update(String stage, long done, long total, String text) {
        String rendered = terminal == null ? text : bar(done, total) + text;
        boolean newStage = !stage.equals(this.stage);
        this.stage = stage;
        this.latest = rendered;
        Instant now = clock.instant();
        boolean due = shownAt == null || !now.isBefore(shownAt.plus(interval));
        if (newStage || (due && !rendered.equals(shown)) || (terminal != null && due)) {
            show(rendered, now);
        }
    }

    /** Shows the last state if it has not been shown, and ends a terminal's progress line. */
    public synchronized void finish() {
        if (latest != null && (terminal != null || !latest.equals(shown))) {
            show(latest, clock.instant());
        }
        if (terminal != null && drawnWidth > 0) {
            terminal.println();
            terminal.flush();
            drawnWidth = 0;
        }
        latest = null;
    }

    private void show(String rendered, Instant now) {
        if (terminal == null) {
            lines.accept(rendered);
        } else {
            draw(rendered);
            terminal.flush();
        }
        shown = rendered;
        shownAt = now;
    }

    private void draw(String rendered) {
        String line = rendered + "  " + elapsed(Duration.between(started, clock.instant()));
        // Spaces wipe what a longer previous line left behind.
        terminal.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        drawnWidth = Math.max(drawnWidth, line.length());
    }

    private void clearBar() {
        if (drawnWidth > 0) {
            terminal.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
    }

    static String bar(long done, long total) {
        if (total <= 0) {
            return "";
        }
        int filled = (int) Math.min(BAR_WIDTH, Math.max(0, done) * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] ";
    }

    /** mm:ss, or h:mm:ss from an hour on. */
    static String elapsed(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%02d:%02d", s / 60, s % 60);
    }
}
