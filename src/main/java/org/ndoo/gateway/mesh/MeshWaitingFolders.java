package org.ndoo.gateway.mesh;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.util.TimeUtils;
import org.ndoo.gateway.settings.Secrets;
import org.ndoo.gateway.submission.WaitingSubmissions;

/**
 * For the work area's clean-up at start-up, which runs before the MESH beans exist: the submissions waiting for MESH
 * replies (open or completed but not yet delivered), read from the wait repository of the settings. None when
 * MESH is not the lookup in use.
 */
public final class MeshWaitingFolders implements WaitingSubmissions, CamelContextAware {

    private CamelContext context;

    @Override
    public void setCamelContext(CamelContext context) {
        this.context = context;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    @Override
    public Set<String> references() {
        if (!"mesh".equals(setting("gateway.lookup.type"))) {
            return Set.of();
        }
        MeshWaitRepository repository = MeshWaitRepository.create(this::getCamelContext,
                setting("gateway.state.jdbc-url"), setting("gateway.state.username"),
                Secrets.resolve(setting("gateway.state.password"), setting("gateway.state.password-file")),
                setting("gateway.work.dir"), TimeUtils.toMilliSeconds(setting("gateway.lookup.mesh.poll-interval")));
        try {
            return repository.references();
        } finally {
            repository.close();
        }
    }

    private String setting(String key) {
        return context.resolvePropertyPlaceholders("{{" + key + ":}}").strip();
    }
}
