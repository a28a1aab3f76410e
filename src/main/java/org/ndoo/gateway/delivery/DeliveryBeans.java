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
    public Session smtpSession(@PropertyInject("gateway.mail.smtp.host") String host,
            @PropertyInject("gateway.mail.smtp.port") int port,
            @PropertyInject("gateway.mail.smtp.security") String security,
            @PropertyInject(value = "gateway.mail.smtp.username", defaultValue = "") String username,
            @PropertyInject(value = "gateway.mail.smtp.password", defaultValue = "") String password,
            @PropertyInject(value = "gateway.mail.smtp.password-file", defaultValue = "") String passwordFile,
            @PropertyInject("gateway.mail.smtp.timeout") long timeoutMillis) {
        return once("smtpSession", () -> SmtpSession.create(new SmtpSettings(host, port, security, username, password,
                passwordFile, timeoutMillis)));
    }
}
