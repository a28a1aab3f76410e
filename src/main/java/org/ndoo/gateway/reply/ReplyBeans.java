package org.ndoo.gateway.reply;

import java.time.Clock;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.ndoo.gateway.intake.SftpSource;
import org.ndoo.gateway.settings.BeanConfiguration;

/** The reply beans, by name: where a pushed file's result goes back ({@code sftpReplies}), and its record. */
public final class ReplyBeans extends BeanConfiguration {

    @BindToRegistry("sftpReplies")
    public SftpReplies sftpReplies(CamelContext context) {
        return once("sftpReplies", () -> new SftpReplies(SftpSource.configured(
                key -> context.getPropertiesComponent().resolveProperty(key).orElse(null))));
    }

    @BindToRegistry("resultRecords")
    public ResultRecords resultRecords() {
        return once("resultRecords", () -> new ResultRecords(Clock.systemUTC()));
    }
}
