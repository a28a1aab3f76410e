package org.ndoo.gateway.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mail domains results may go to ({@code gateway.mail.allowed-domains}). A domain matches exactly, ignoring
 * case: {@code nhs.net} allows {@code someone@nhs.net}, not {@code someone@mail.nhs.net}.
 */
public final class AllowedDomains {

    private final Set<String> domains;

    public AllowedDomains(String commaSeparated) {
        this.domains = Arrays.stream(commaSeparated == null ? new String[0] : commaSeparated.split(","))
                .map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("gateway.mail.allowed-domains is empty: no result could ever be sent");
        }
    }

    /** Whether {@code address} is a single plain address in an allowed domain (see {@link MailAddresses}). */
    public boolean allows(String address) {
        String domain = MailAddresses.domainOf(address);
        return domain != null && domains.contains(domain);
    }

    @Override
    public String toString() {
        return String.join(", ", domains.stream().sorted().toList());
    }
}
