package org.ndoo.gateway.web;

/**
 * The person signed in to the web front door: their checked work address and their session's csrf token, which
 * every form of theirs carries. Set in the exchange property {@code webUser} by {@code direct:web-signed-in}.
 */
public record WebUser(String address, String csrf) {
}
