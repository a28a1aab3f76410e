package org.ndoo.gateway.delivery;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Deliberately strict parsing of one mail address: {@code local@domain}, with a dot-atom local part and a plain
 * host name. Quoted local parts, display names, comments, several addresses, white space and control characters are
 * all refused, so that a folder name can never add a recipient or a header.
 */
public final class MailAddresses {

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final int MAX_LENGTH = 254;

    private MailAddresses() {
    }

    /** The lower-case domain of a valid single address, else {@code null}. */
    public static String domainOf(String address) {
        if (address == null || address.length() > MAX_LENGTH) {
            return null;
        }
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || at > 64) {
            return null;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (!LOCAL.matcher(local).matches() || !DOMAIN.matcher(domain).matches()) {
            return null;
        }
        return domain.toLowerCase(Locale.ROOT);
    }

    /** The address with its domain in lower case; {@code null} if it is not a valid single address. */
    public static String normalise(String address) {
        String domain = domainOf(address);
        return domain == null ? null : address.substring(0, address.indexOf('@') + 1) + domain;
    }

    /** A folder or address name made safe to quote in a notice or a log: printable ASCII only, at most 80 chars. */
    public static String quoteSafely(String untrusted) {
        if (untrusted == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < untrusted.length() && out.length() < 80; i++) {
            char c = untrusted.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
