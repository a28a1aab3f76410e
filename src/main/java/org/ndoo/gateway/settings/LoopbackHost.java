package org.ndoo.gateway.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whether a host is this machine: the one test for the settings that allow plain text only to a local server
 * (SMTP {@code security=none}, a MESH {@code http://} URL). A name counts when every address it resolves to is a
 * loopback address; a name that does not resolve does not count. IPv6 literals may keep their URL brackets.
 */
public final class LoopbackHost {

    private LoopbackHost() {
    }

    public static boolean is(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host.strip())) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
