package org.ndoo.gateway.startup;

/** The gateway must not start; the message is the one line an operator reads (what, which setting, what to do). */
public final class StartupRefused extends RuntimeException {

    public StartupRefused(String reason) {
        super(reason, null, false, false);
    }
}
