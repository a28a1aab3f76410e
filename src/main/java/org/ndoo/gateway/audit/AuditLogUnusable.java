package org.ndoo.gateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The audit log cannot take a record: a gateway problem (its location or disk), never the submitter's. */
public final class AuditLogUnusable extends UncheckedIOException {

    private final Path file;

    public AuditLogUnusable(Path file, IOException cause) {
        super("Cannot write the audit log " + file, cause);
        this.file = file;
    }

    /** The audit log's path, for operators. */
    public Path file() {
        return file;
    }
}
