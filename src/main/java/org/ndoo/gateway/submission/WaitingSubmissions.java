package org.ndoo.gateway.submission;

import java.util.Set;

/** The submissions that wait after their attempt has ended (for MESH replies): their work folders must survive. */
@FunctionalInterface
public interface WaitingSubmissions {

    /** Nothing waits. */
    WaitingSubmissions NONE = Set::of;

    /** The references of the submissions waiting. */
    Set<String> references();
}
