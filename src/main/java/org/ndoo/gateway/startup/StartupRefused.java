package org.ndoo.gateway.startup;

/** The gateway must not start; the message is the one line an operator reads (what, which setting, what to do). */
public final class StartupRefused extends RuntimeException {

    public StartupRefused(String reason) {
        super(reason, null, false, false);
    }

    /** The refusal that {@code failure} is or was caused by (a bean refusing as Camel makes it); null if none. */
    public static StartupRefused in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupRefused refused) {
                return refused;
            }
        }
        return null;
    }
}
