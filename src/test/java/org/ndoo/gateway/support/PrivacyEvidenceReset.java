package org.ndoo.gateway.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts {@link PrivacyEvidence} afresh when a test run opens, before any test logs anything, in the surefire
 * execution that runs the suite (system property {@code ndoo.privacy-evidence.reset=true}, pom.xml); the scan's own
 * execution leaves the evidence as the suite left it. Registered in META-INF/services.
 */
public final class PrivacyEvidenceReset implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (Boolean.getBoolean("ndoo.privacy-evidence.reset")) {
            PrivacyEvidence.reset();
        }
    }
}
