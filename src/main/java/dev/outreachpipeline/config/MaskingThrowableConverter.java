package dev.outreachpipeline.config;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Stack traces pass through {@link Masking} too: an exception's message often quotes the URL it failed on. */
public final class MaskingThrowableConverter extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Masking.maskText(super.convert(event));
    }
}
