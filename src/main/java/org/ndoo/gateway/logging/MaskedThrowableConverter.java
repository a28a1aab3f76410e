package org.ndoo.gateway.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * {@code %maskedEx} in logback.xml: an event's exception with its causes, as Logback writes it, but with every
 * exception message made safe by {@link LogText} (an exception often quotes a path, and paths hold users' names).
 * Stack frames are the gateway's and libraries' code and stay as they are.
 */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return super.throwableProxyToString(proxy == null ? null : new SafeProxy(proxy));
    }

    /** The exception as Logback sees it, with safe messages, down its causes and suppressed exceptions. */
    private record SafeProxy(IThrowableProxy raw) implements IThrowableProxy {

        @Override
        public String getMessage() {
            return LogText.safe(raw.getMessage());
        }

        @Override
        public String getClassName() {
            return raw.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return raw.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return raw.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return raw.getCause() == null ? null : new SafeProxy(raw.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = raw.getSuppressed();
            IThrowableProxy[] safe = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                safe[i] = new SafeProxy(suppressed[i]);
            }
            return safe;
        }

        @Override
        public boolean isCyclic() {
            return raw.isCyclic();
        }
    }
}
