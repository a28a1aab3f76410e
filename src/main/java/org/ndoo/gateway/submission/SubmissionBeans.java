package org.ndoo.gateway.submission;

import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.PropertyInject;
import org.ndoo.gateway.cluster.Leadership;
import org.ndoo.gateway.settings.BeanConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The submission package's bean, by name: {@code workArea}, made once, which removes what an earlier run left in
 * the work directory as it is made (after start-up has claimed the work directory's lock).
 */
public final class SubmissionBeans extends BeanConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionBeans.class);

    @PropertyInject("gateway.work.dir")
    private String workDir;
    /** The submissions that wait after their attempt (for MESH replies: mesh.MeshBeans, listed before this class). */
    @BeanInject("waitingSubmissions")
    private WaitingSubmissions waiting;
    @BeanInject("leadership")
    private Leadership leadership;

    @BindToRegistry("workArea")
    public WorkArea workArea() {
        return once("workArea", () -> {
            WorkArea area = new WorkArea(workDir, leadership.nodeId());
            area.setWaiting(waiting);
            if (leadership.clustered()) {
                // the work directory is shared: what a dead leader left is cleared by the next one, as it takes over
                area.clearUploads();
                leadership.whenTaken(() -> area.removeOrphansOlderThan(leadership.since()));
            } else {
                LOG.info("Clearing the work directory {} of what an earlier run left", area.root());
                area.removeOrphans();
            }
            return area;
        });
    }
}
