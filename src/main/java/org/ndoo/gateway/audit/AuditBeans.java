package org.ndoo.gateway.audit;

import org.apache.camel.BindToRegistry;
import org.apache.camel.PropertyInject;
import org.ndoo.gateway.settings.BeanConfiguration;

/** The audit bean, by name: {@code auditLog}, the JSON-lines file {@code gateway.audit.file}. */
public final class AuditBeans extends BeanConfiguration {

    @PropertyInject("gateway.audit.file")
    private String file;

    @BindToRegistry("auditLog")
    public AuditLog auditLog() {
        return once("auditLog", () -> new AuditLog(file));
    }
}
