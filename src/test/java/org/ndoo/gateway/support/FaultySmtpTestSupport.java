package org.ndoo.gateway.support;

import java.io.IOException;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The gateway sending its mail through a {@link FaultySmtpServer} in front of GreenMail. */
public abstract class FaultySmtpTestSupport extends GatewayTestSupport {

    protected static FaultySmtpServer smtp;

    @BeforeAll
    static void startFaultySmtp() throws IOException {
        smtp = new FaultySmtpServer(MAIL.getSmtp().getPort());
    }

    @AfterAll
    static void stopFaultySmtp() throws IOException {
        smtp.close();
    }

    @Override
    protected final void override(Properties properties) {
        properties.setProperty("gateway.mail.smtp.port", Integer.toString(smtp.port()));
        overrideMail(properties);
    }

    /** Changes to the settings for one test class. */
    protected void overrideMail(Properties properties) {
    }
}
