package dev.outreachpipeline.config;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One JSON object per log line, for log collectors: {@code timestamp} (ISO-8601, UTC), {@code level},
 * {@code logger}, {@code thread}, {@code message} and, when there is one, {@code exception}.
 *
 * <p>Logback's own JsonEncoder writes the message pattern and its arguments separately, so a secret
 * passed as an argument would reach the log unmasked; here the formatted message and the stack
 * trace go through {@link Masking}, exactly as in the text format.
 */
public final class MaskingJsonEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] NOTHING = new byte[0];
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        return line(
                Instant.ofEpochMilli(event.getTimeStamp()),
                event.getLevel().toString(),
                event.getLoggerName(),
                event.getThreadName(),
                event.getFormattedMessage(),
                thrown == null ? null : ThrowableProxyUtil.asString(thrown));
    }

    /**
     * One log line as JSON, ending in a newline; the message and exception are masked here.
     * Also used for the command line's own messages on stderr, so that stream stays all JSON.
     *
     * @param exception a stack trace, or null for none (the key is then left out)
     */
    public static byte[] line(
            Instant timestamp, String level, String logger, String thread, String message, String exception) {
        var bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("timestamp", timestamp.toString());
            g.writeStringField("level", level);
            g.writeStringField("logger", logger);
            g.writeStringField("thread", thread);
            g.writeStringField("message", Masking.maskText(message));
            if (exception != null) {
                g.writeStringField("exception", Masking.maskText(exception));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a log line as JSON", e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }
}
