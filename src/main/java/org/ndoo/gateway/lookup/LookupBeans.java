package org.ndoo.gateway.lookup;

import org.apache.camel.BindToRegistry;
import org.apache.camel.PropertyInject;
import org.ndoo.gateway.settings.BeanConfiguration;

/** The lookup beans, by name: chunks, the answer check, the sandbox register and the HTTP lookup's token. */
public final class LookupBeans extends BeanConfiguration {

    @PropertyInject("gateway.lookup.chunk-size")
    private int chunkSize;
    @PropertyInject("gateway.lookup.sandbox.optouts")
    private String sandboxOptOuts;

    @BindToRegistry("lookupChunks")
    public LookupChunks lookupChunks() {
        return once("lookupChunks", () -> new LookupChunks(chunkSize));
    }

    @BindToRegistry("permittedAnswer")
    public PermittedAnswer permittedAnswer() {
        return once("permittedAnswer", PermittedAnswer::new);
    }

    @BindToRegistry("sandboxRegistry")
    public SandboxRegistry sandboxRegistry() {
        return once("sandboxRegistry", () -> new SandboxRegistry(sandboxOptOuts));
    }

    @BindToRegistry("lookupToken")
    public BearerToken lookupToken(@PropertyInject(value = "gateway.lookup.http.token", defaultValue = "") String token,
            @PropertyInject(value = "gateway.lookup.http.token-file", defaultValue = "") String tokenFile) {
        return once("lookupToken", () -> new BearerToken(token, tokenFile));
    }
}
