package org.ndoo.gateway.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %maskedMsg} in logback.xml: the formatted message of every log event, the gateway's and every library's
 * (Camel's included), made safe by {@link LogText}. Masking here means no log call, present or future, can leak.
 */
public final class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogText.safe(super.convert(event));
    }
}
