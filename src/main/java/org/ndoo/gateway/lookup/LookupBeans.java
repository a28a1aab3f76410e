package org.ndoo.gateway.lookup;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/** The lookup beans, by name: chunks, the answer check, the sandbox register and the HTTP lookup's token. */
public final class LookupBeans implements CamelConfiguration {

    @PropertyInject("gateway.lookup.chunk-size")
    private int chunkSize;
    @PropertyInject("gateway.lookup.sandbox.optouts")
    private String sandboxOptOuts;
    @PropertyInject(value = "gateway.lookup.http.token", defaultValue = "")
    private String token;
    @PropertyInject(value = "gateway.lookup.http.token-file", defaultValue = "")
    private String tokenFile;

    @BindToRegistry("lookupChunks")
    public LookupChunks lookupChunks() {
        return new LookupChunks(chunkSize);
    }

    @BindToRegistry("permittedAnswer")
    public PermittedAnswer permittedAnswer() {
        return new PermittedAnswer();
    }

    @BindToRegistry("sandboxRegistry")
    public SandboxRegistry sandboxRegistry() {
        return new SandboxRegistry(sandboxOptOuts);
    }

    @BindToRegistry("lookupToken")
    public BearerToken lookupToken() {
        return new BearerToken(token, tokenFile);
    }
}
