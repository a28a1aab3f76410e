package org.ndoo.gateway.delivery;

import jakarta.mail.Session;
import org.apache.camel.BindToRegistry;
import org.apache.camel.PropertyInject;
import org.ndoo.gateway.settings.BeanConfiguration;

/** The delivery beans, by name: allowed domains, result file, mail composer, pickup names and the SMTP session. */
public final class DeliveryBeans extends BeanConfiguration {

    @PropertyInject("gateway.mail.allowed-domains")
    private String allowedDomains;
    @PropertyInject("gateway.mail.from")
    private String from;
    @PropertyInject("gateway.mail.operator")
    private String operator;
    @PropertyInject(value = "gateway.mail.subject-prefix", defaultValue = "")
    private String subjectPrefix;
    @PropertyInject("gateway.result.zip-above-bytes")
    private long zipAboveBytes;
    @PropertyInject("gateway.mail.smtp.host")
    private String smtpHost;
    @PropertyInject("gateway.mail.smtp.port")
    private int smtpPort;
    @PropertyInject("gateway.mail.smtp.security")
    private String smtpSecurity;
    @PropertyInject(value = "gateway.mail.smtp.username", defaultValue = "")
    private String smtpUsername;
    @PropertyInject(value = "gateway.mail.smtp.password", defaultValue = "")
    private String smtpPassword;
    @PropertyInject(value = "gateway.mail.smtp.password-file", defaultValue = "")
    private String smtpPasswordFile;
    @PropertyInject("gateway.mail.smtp.timeout")
    private long smtpTimeout;

    @BindToRegistry("allowedDomains")
    public AllowedDomains allowedDomains() {
        return once("allowedDomains", () -> new AllowedDomains(allowedDomains));
    }

    @BindToRegistry("resultFile")
    public ResultFile resultFile() {
        return once("resultFile", () -> new ResultFile(zipAboveBytes));
    }

    @BindToRegistry("mailComposer")
    public MailComposer mailComposer() {
        return once("mailComposer", () -> new MailComposer(allowedDomains(), from, operator, subjectPrefix));
    }

    @BindToRegistry("pickupNames")
    public PickupNames pickupNames() {
        return once("pickupNames", () -> new PickupNames(operator));
    }

    @BindToRegistry("smtpSession")
    public Session smtpSession() {
        return once("smtpSession", () -> SmtpSession.create(new SmtpSettings(smtpHost, smtpPort, smtpSecurity,
                smtpUsername, smtpPassword, smtpPasswordFile, smtpTimeout)));
    }
}
