package org.ndoo.gateway.settings;

import java.util.Set;

/**
 * Refuses to start with settings that could only fail later, one submission at a time: an unknown lookup type or
 * mail transport, or a chunk size the lookup contract does not allow.
 */
public final class SettingsCheck {

    static final Set<String> LOOKUP_TYPES = Set.of("sandbox", "http", "mesh");
    static final Set<String> MAIL_TRANSPORTS = Set.of("pickup", "smtp");
    static final int MAX_CHUNK_SIZE = 100_000;

    public SettingsCheck(String lookupType, String mailTransport, int chunkSize) {
        if (!LOOKUP_TYPES.contains(lookupType)) {
            throw new IllegalArgumentException("gateway.lookup.type must be one of " + LOOKUP_TYPES + ", not '"
                    + lookupType + "'");
        }
        if (!MAIL_TRANSPORTS.contains(mailTransport)) {
            throw new IllegalArgumentException("gateway.mail.transport must be one of " + MAIL_TRANSPORTS + ", not '"
                    + mailTransport + "'");
        }
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("gateway.lookup.chunk-size must be between 1 and " + MAX_CHUNK_SIZE
                    + ", not " + chunkSize);
        }
    }
}
