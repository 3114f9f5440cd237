package dev.outreachpipeline.config;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The log format chosen by {@code OUTREACH_LOG_FORMAT}: {@code text} (the pattern, for people) or
 * {@code json} ({@link MaskingJsonEncoder}, for log collectors). Logback reads no configuration of
 * ours, so the choice is made here, in one place, rather than with conditionals in logback.xml
 * (which would need the Janino compiler at run time).
 *
 * <p>Any other value logs as text: the configuration check then refuses it with exit 2, and that
 * message must stay readable.
 */
public final class LogFormatEncoder extends EncoderBase<ILoggingEvent> {

    private String format = "text";
    private String pattern;
    private Encoder<ILoggingEvent> delegate;

    /** {@code text} or {@code json}; set from logback.xml. */
    public void setFormat(String format) {
        this.format = format == null ? "text" : format.trim();
    }

    /** The pattern of the text format; set from logback.xml. */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public boolean isJson() {
        return "json".equals(format);
    }

    @Override
    public void start() {
        if (isJson()) {
            delegate = new MaskingJsonEncoder();
        } else {
            var text = new PatternLayoutEncoder();
            text.setPattern(pattern);
            delegate = text;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
