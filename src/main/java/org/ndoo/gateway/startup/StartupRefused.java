package org.ndoo.gateway.startup;

import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;

/** The gateway must not start; the message is the one line an operator reads (what, which setting, what to do). */
public final class StartupRefused extends RuntimeException {

    public StartupRefused(String reason) {
        super(reason, null, false, false);
    }

    /**
     * The refusal that {@code failure} is or was caused by (a bean refusing as Camel makes it), or, when Camel could
     * not even find its settings or routes (a missing {@code config/application.properties}, {@code routes/} or the
     * file {@code camel.main.override-properties-location} names), a refusal saying which file and where the gateway
     * looked; null if neither.
     */
    public static StartupRefused in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupRefused refused) {
                return refused;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String missing = t instanceof NoSuchFileException none ? none.getFile()
                    : t instanceof FileNotFoundException notFound ? notFound.getMessage() : null;
            if (missing != null) {
                return new StartupRefused("a file it needs is missing (" + missing + "): the gateway reads config/application.properties"
                        + " and routes/ in the folder it is started from (" + Paths.get("").toAbsolutePath()
                        + "), and the file camel.main.override-properties-location names, if any");
            }
        }
        return null;
    }
}
