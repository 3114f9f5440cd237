package dev.outreachpipeline.cli;

import dev.outreachpipeline.config.MaskingJsonEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Clock;

/**
 * The command line's own messages on stderr ("The configuration is valid.", progress, refusals)
 * as JSON log lines, one object per line, when OUTREACH_LOG_FORMAT=json: a log collector reading
 * stderr then never meets a line that is not JSON. Text is collected until a line ends; what is
 * left unterminated is written on {@link #flush()}, so nothing is lost at exit.
 */
final class JsonLinesWriter extends Writer {

    static final String LOGGER = "dev.outreachpipeline.cli";

    private final OutputStream target;
    private final Clock clock;
    private final StringBuilder pending = new StringBuilder();

    JsonLinesWriter(OutputStream target, Clock clock) {
        this.target = target;
        this.clock = clock;
    }

    @Override
    public synchronized void write(char[] chars, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            char c = chars[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                pending.append(c);
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (!pending.isEmpty()) {
            emit();
        }
        target.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private void emit() throws IOException {
        String message = pending.toString();
        pending.setLength(0);
        target.write(MaskingJsonEncoder.line(
                clock.instant(), "INFO", LOGGER, Thread.currentThread().getName(), message, null));
    }
}
