package dev.outreachpipeline.cli;

/** The exit codes every command uses. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    /** The database schema differs from what the migrations define. */
    public static final int DRIFT = 3;

    private ExitCodes() {}
}
