package org.ndoo.gateway.submission;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;

/**
 * The submission package's bean, by name: {@code workArea}, made once, which removes what an earlier run left in
 * the work directory as it is made (after start-up has claimed the work directory's lock).
 */
public final class SubmissionBeans implements CamelConfiguration {

    @PropertyInject("gateway.work.dir")
    private String workDir;

    @BindToRegistry("workArea")
    public WorkArea workArea() {
        WorkArea area = new WorkArea(workDir);
        area.removeOrphans();
        return area;
    }
}
