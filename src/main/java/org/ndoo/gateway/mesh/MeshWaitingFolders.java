package org.ndoo.gateway.mesh;

import java.util.Set;

import org.ndoo.gateway.submission.WaitingSubmissions;

/**
 * For the work area's clean-up at start-up, which runs before the MESH beans exist: the submissions waiting for MESH
 * replies (open or completed but not yet delivered), read from the wait repository of the settings. None when
 * MESH is not the lookup in use.
 */
final class MeshWaitingFolders implements WaitingSubmissions {

    private final MeshSettings settings;

    MeshWaitingFolders(MeshSettings settings) {
        this.settings = settings;
    }

    @Override
    public Set<String> references() {
        if (!settings.inUse()) {
            return Set.of();
        }
        MeshWaitRepository repository = settings.waitRepository(settings.millis("poll-interval", ""));
        try {
            return repository.references();
        } finally {
            repository.close();
        }
    }
}
