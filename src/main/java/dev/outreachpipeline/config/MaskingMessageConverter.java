package dev.outreachpipeline.config;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Log messages pass through {@link Masking}, so a URL with a password never reaches a log line. */
public final class MaskingMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Masking.maskText(super.convert(event));
    }
}
