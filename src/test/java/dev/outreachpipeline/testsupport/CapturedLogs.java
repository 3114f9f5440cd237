package dev.outreachpipeline.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What this JVM logs while it is open, as logback events: for tests that run a command in-process
 * and check what an operator would read (levels, one line or a stack trace). Logging stays as
 * configured; the events are captured beside the console.
 */
public final class CapturedLogs implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLogs() {
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
    }

    public static CapturedLogs start() {
        return new CapturedLogs();
    }

    /** Every event so far, in order. */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** The events at {@code level} or above. */
    public List<ILoggingEvent> atLeast(Level level) {
        return events().stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(level))
                .toList();
    }

    /**
     * "LEVEL logger - message" of each event, for assertions and their failure messages; " [+ stack
     * trace]" ends the line of an event that carries an exception.
     */
    public List<String> lines() {
        return events().stream()
                .map(e -> e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : " [+ stack trace]"))
                .toList();
    }

    /** The events that carry an exception, i.e. print a stack trace. */
    public List<String> withStackTrace() {
        return events().stream()
                .filter(e -> e.getThrowableProxy() != null)
                .map(e -> e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage())
                .toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
