package org.ndoo.gateway.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) on loopback; an email counts as delivered when the server has received it. */
final class SmtpMailbox implements Mailbox {

    private final GreenMail server;
    private int taken;

    SmtpMailbox() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
    }

    @Override
    public Delivery next(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            MimeMessage[] received = server.getReceivedMessages();
            if (received.length > taken) {
                long arrived = System.currentTimeMillis();
                MimeMessage message = received[taken];
                taken++;
                return Mailbox.read(arrived, message);
            }
            Thread.sleep(2);
        }
        throw new TimeoutException("no email at the SMTP server within " + timeout);
    }

    @Override
    public Map<String, String> gatewaySettings() {
        return Map.of("gateway.mail.transport", "smtp",
                "gateway.mail.smtp.host", "127.0.0.1",
                "gateway.mail.smtp.port", Integer.toString(server.getSmtp().getPort()),
                "gateway.mail.smtp.security", "none");
    }

    @Override
    public void close() {
        server.stop();
    }
}
