package org.ndoo.gateway.web;

import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * The front door's header filter (platform-http {@code headerFilterStrategy}): Camel's HTTP filter, except that it
 * lets {@code Cache-Control} out, which Camel's drops from every answer (and every page must say no-store).
 */
public final class WebHeaderFilter extends HttpHeaderFilterStrategy {

    public WebHeaderFilter() {
        getOutFilter().remove("cache-control");
    }
}
