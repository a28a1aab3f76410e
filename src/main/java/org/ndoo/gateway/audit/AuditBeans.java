package org.ndoo.gateway.audit;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/** The audit bean, by name: {@code auditLog}, the JSON-lines file {@code gateway.audit.file}. */
public final class AuditBeans implements CamelConfiguration {

    @PropertyInject("gateway.audit.file")
    private String file;

    @BindToRegistry("auditLog")
    public AuditLog auditLog() {
        return new AuditLog(file);
    }
}
