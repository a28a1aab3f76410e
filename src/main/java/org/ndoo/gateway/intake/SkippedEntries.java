package org.ndoo.gateway.intake;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.ndoo.gateway.audit.Redact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entries of the inbox the gateway leaves alone because they cannot be read as submissions (named pipes, sockets,
 * devices; files or folders it has no permission to read), each told to the operator once: the notice goes out on
 * its own thread through {@code direct:skipped-inbox-entry}, so the inbox scan never waits for the mail server.
 * Which paths were told is kept in memory only: after a restart the operator is told once more about any that
 * remain. A notice that could not be sent is tried again when the next scan meets the entry; an entry that becomes
 * readable is forgotten, so that it is told again if it ever stops being readable.
 */
public final class SkippedEntries {

    private static final Logger LOG = LoggerFactory.getLogger(SkippedEntries.class);

    /** One skipped entry, as the operator reads it: its path (digit runs masked) and why it was skipped. */
    public record Entry(String path, String reason) {
    }

    private enum State { SENDING, TOLD }

    private final Map<Path, State> entries = new ConcurrentHashMap<>();
    private final CamelContext camelContext;
    private ProducerTemplate template;

    /** Skipped entries whose notices go out through {@code camelContext}. */
    public SkippedEntries(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /** The operator is told about {@code path} and {@code reason}, unless told already or being told now. */
    public void skip(Path path, String reason) {
        if (entries.putIfAbsent(path, State.SENDING) != null) {
            return;
        }
        Entry entry = new Entry(Redact.digits(path.toString()).replaceAll("\\p{Cntrl}", "?"), reason);
        LOG.warn("Skipping {} in the inbox: {} It is left in place; telling the operator", entry.path(), reason);
        template().asyncSend("direct:skipped-inbox-entry", exchange -> exchange.getIn().setBody(entry))
                .whenComplete((exchange, failure) -> {
            if (failure == null && !exchange.isFailed()) {
                entries.put(path, State.TOLD);
            } else {
                entries.remove(path);
            }
        });
    }

    /** {@code path} is readable again (or never was a problem): forget it. */
    public void readable(Path path) {
        if (!entries.isEmpty()) {
            entries.remove(path);
        }
    }

    private synchronized ProducerTemplate template() {
        if (template == null) {
            template = camelContext.createProducerTemplate();
        }
        return template;
    }
}
