package org.ndoo.gateway.web;

import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.PropertyInject;
import org.ndoo.gateway.delivery.AllowedDomains;
import org.ndoo.gateway.settings.BeanConfiguration;

/**
 * The web front door's operations beans, by name: {@code webIdentity}, who a request comes from under
 * {@code gateway.web.auth=proxy-header} (the settings are checked at start-up, settings.SettingsCheck).
 */
public final class WebOpsBeans extends BeanConfiguration {

    @PropertyInject("gateway.web.auth")
    private String auth;
    @PropertyInject(value = "gateway.web.proxy-header", defaultValue = "X-Forwarded-Email")
    private String proxyHeader;
    @PropertyInject(value = "gateway.web.trusted-proxies", defaultValue = "")
    private String trustedProxies;

    @BindToRegistry("webIdentity")
    public WebIdentity webIdentity(@BeanInject("allowedDomains") AllowedDomains allowedDomains) {
        return once("webIdentity", () -> new WebIdentity(auth, proxyHeader.strip(),
                TrustedProxies.parse(trustedProxies), allowedDomains));
    }
}
