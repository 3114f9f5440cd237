package dev.outreachpipeline.sandbox;

import dev.outreachpipeline.cli.Progress;

/**
 * How the sandbox tells a person where it stands: a line per stage and remark, and the numbers of the
 * stage in hand as the CLI's {@link Progress} shows them (a redrawn line on a terminal, a plain line
 * every few seconds otherwise).
 */
public class ProgressLines {

    private final Progress progress;
    private String stage = "";

    public ProgressLines(Progress progress) {
        this.progress = progress;
    }

    /** A stage begins. */
    public void stage(String text) {
        progress.finish();
        stage = text;
        progress.line("» " + text);
    }

    /** A remark within the current stage. */
    public void note(String text) {
        progress.line("  " + text);
    }

    /** The numbers now. */
    public void status(String line) {
        progress.update(stage, 0, 0, "  " + line);
    }

    /** Shows the stage's last numbers, so a stage ends on its true figures. */
    public void flushStatus() {
        progress.finish();
    }
}
