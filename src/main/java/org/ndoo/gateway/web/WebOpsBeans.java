package org.ndoo.gateway.web;

import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.ndoo.gateway.delivery.AllowedDomains;
import org.ndoo.gateway.settings.BeanConfiguration;

/**
 * The web front door's operations beans, by name: {@code webIdentity}, who a request comes from under
 * {@code gateway.web.auth=proxy-header}; and, when {@code gateway.web.tls.keystore-file} is set, the front door's
 * TLS as the context's global TLS parameters, which only the main server uses
 * ({@code camel.server.useGlobalSslContextParameters}). The settings are checked at start-up (settings.SettingsCheck).
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

    /** Before the servers start: the front door's key store, when one is set. */
    @Override
    public void configure(CamelContext context) {
        java.util.function.Function<String, String> setting =
                key -> context.getPropertiesComponent().resolveProperty(key).orElse("");
        if (WebTls.configured(setting) && context.getSSLContextParameters() == null) {
            context.setSSLContextParameters(WebTls.parameters(setting));
        }
    }
}
