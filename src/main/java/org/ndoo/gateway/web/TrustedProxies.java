package org.ndoo.gateway.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose identity header is believed ({@code gateway.web.trusted-proxies}): a comma-separated
 * list of IP addresses ({@code 10.0.0.5}, {@code ::1}) and CIDR ranges ({@code 10.0.0.0/24}, {@code fd00::/8}).
 * Only literals: a host name is refused (a name would be trusted as whatever DNS says at the time). Empty trusts
 * no one. An IPv4 address written IPv4-mapped ({@code ::ffff:10.0.0.5}) is the IPv4 address.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** One address ({@code bits} the full length) or range. */
    private record Range(byte[] network, int bits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** The list as configured; throws {@link IllegalArgumentException} naming the first entry that is not usable. */
    public static TrustedProxies parse(String commaSeparated) {
        String list = commaSeparated == null ? "" : commaSeparated;
        return new TrustedProxies(Arrays.stream(list.split(",")).map(String::strip).filter(e -> !e.isEmpty())
                .map(TrustedProxies::range).toList());
    }

    /** Whether no proxy is trusted. */
    public boolean none() {
        return ranges.isEmpty();
    }

    /** Whether {@code peer} (an IP literal, IPv6 with or without brackets) is a trusted proxy. */
    public boolean trusts(String peer) {
        byte[] address = literal(peer == null ? "" : peer.strip());
        return address != null && ranges.stream().anyMatch(range -> range.contains(address));
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        byte[] network = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
        }
        int max = network.length * 8;
        if (slash < 0) {
            return new Range(network, max);
        }
        try {
            int bits = Integer.parseInt(entry.substring(slash + 1));
            if (bits >= 0 && bits <= max) {
                return new Range(network, bits);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("'" + entry + "' has no prefix length from 0 to " + max);
    }

    /** The address's bytes, or null if it is not an IP literal (never a DNS lookup). */
    private static byte[] literal(String text) {
        String host = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        if (!IPV4.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
