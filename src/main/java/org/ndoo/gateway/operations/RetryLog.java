package org.ndoo.gateway.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.util.TimeUtils;
import org.ndoo.gateway.retry.BackOff;
import org.ndoo.gateway.retry.Failure;
import org.ndoo.gateway.retry.Failures;
import org.ndoo.gateway.retry.RetrySchedule;
import org.ndoo.gateway.submission.Reading;
import org.ndoo.gateway.submission.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each failed call that is about to be retried in place (the transient-retries error handler's
 * onExceptionOccurred), in the gateway's words instead of Camel's exchange dump: the submission reference, what is
 * retried (lookup chunk i of n, the result mail / a notice to a masked address, or a reply put back over SFTP),
 * retry n of m, and when.
 * For example {@code NDOO-...: lookup chunk 1 of 3 failed (the opt-out lookup is unavailable: HTTP 503); retry 1 of 5
 * in about 1000 ms, at 2026-12-01 20:30:01 UTC}. No NHS number, no message body.
 */
public final class RetryLog implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("org.ndoo.gateway.retries");

    private volatile Settings settings;
    private final Clock clock;

    /** The in-place retry settings (gateway.retry.*) and the chunk size, as the error handler uses them. */
    record Settings(int attempts, long delay, double multiplier, long maxDelay, int chunkSize) {
    }

    /** Reads the settings from the gateway's properties at the first failure. */
    public RetryLog() {
        this(null, Clock.systemUTC());
    }

    RetryLog(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int retry = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        // by name, at the time of the failure: the one classifier the routes use (a bean that needs a bean that
        // needs a bean cannot be wired by constructor in the YAML beans)
        Failures failures = exchange.getContext().getRegistry().lookupByNameAndType("failures", Failures.class);
        Settings s = settings(exchange);
        if (failures == null || failure == null || retry < 1 || retry > s.attempts()
                || !failures.isRetriedInPlace(failure)) {
            return;
        }
        Submission submission = exchange.getProperty("submission", Submission.class);
        LOG.warn(line(submission, what(exchange, submission), failures.classify(failure, null), retry));
    }

    private Settings settings(Exchange exchange) {
        if (settings == null) {
            var context = exchange.getContext();
            settings = new Settings(Integer.parseInt(property(context, "gateway.retry.attempts")),
                    TimeUtils.toMilliSeconds(property(context, "gateway.retry.delay")),
                    Double.parseDouble(property(context, "gateway.retry.backoff-multiplier")),
                    TimeUtils.toMilliSeconds(property(context, "gateway.retry.max-delay")),
                    Integer.parseInt(property(context, "gateway.lookup.chunk-size")));
        }
        return settings;
    }

    private static String property(org.apache.camel.CamelContext context, String key) {
        return context.resolvePropertyPlaceholders("{{" + key + "}}").strip();
    }

    String line(Submission submission, String what, Failure failure, int retry) {
        long wait = delayBefore(retry);
        Instant at = clock.instant().plusMillis(wait);
        return (submission == null ? "(no submission)" : submission.getReference()) + ": " + what + " failed ("
                + failure.detail() + "); retry " + retry + " of " + settings.attempts() + " in about " + wait + " ms, at "
                + RetrySchedule.TIME.format(at);
    }

    /** The back-off of the retries in place (retry.InPlaceRedelivery) without its collision avoidance (up to 15%). */
    long delayBefore(int retry) {
        return new BackOff(Duration.ofMillis(settings.delay()), settings.multiplier(),
                Duration.ofMillis(settings.maxDelay())).delayAfter(retry).toMillis();
    }

    private String what(Exchange exchange, Submission submission) {
        if (exchange.getIn().getBody() instanceof MimeMessage mail) {
            return describe(mail);
        }
        // a reply being put back on an SFTP server (reply-over-sftp: variable replyName, the header its path)
        String reply = exchange.getVariable("replyName", String.class);
        String path = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        if (reply != null && path != null && path.endsWith(reply)) {
            return "the reply " + org.ndoo.gateway.privacy.NhsNumberMask.mask(reply) + " to the SFTP server";
        }
        if (submission == null) {
            return "lookup";
        }
        // the chunk being looked up (the split's index) of those the reading gave (property 'reading')
        Reading reading = exchange.getProperty("reading", Reading.class);
        long toCheck = reading == null ? 0 : reading.toCheck();
        int chunk = exchange.getProperty(Exchange.SPLIT_INDEX, 0, Integer.class) + 1;
        return "lookup chunk " + chunk + " of "
                + Math.max(chunk, (toCheck + settings.chunkSize() - 1) / settings.chunkSize());
    }

    /** "the result mail to an***@nhs.net" (it has the attachment) or "a notice to ...". */
    static String describe(MimeMessage mail) {
        try {
            String kind = mail.getContentType() != null && mail.getContentType().startsWith("multipart")
                    ? "the result mail" : "a notice";
            Address[] to = mail.getRecipients(MimeMessage.RecipientType.TO);
            return kind + (to == null || to.length == 0 ? "" : " to " + masked(to[0]));
        } catch (MessagingException e) {
            return "a mail";
        }
    }

    static String masked(Address address) {
        String text = address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
        int at = text.indexOf('@');
        if (at < 0) {
            return "***";
        }
        return text.substring(0, Math.min(2, at)) + "***" + text.substring(at);
    }
}
