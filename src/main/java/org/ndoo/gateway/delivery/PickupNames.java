package org.ndoo.gateway.delivery;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.ndoo.gateway.submission.Submission;

/**
 * File names in the pickup folder, one per email so that no email overwrites another: {@code <reference>.eml} for
 * the submitter's result or notice, {@code <reference>-operator.eml} for the operator's notice about the same
 * submission, and {@code NDOO-gateway-<time>-<n>.eml} for an operator notice that belongs to no submission (an inbox
 * entry skipped or renamed). A later attempt of the same submission replaces its own earlier file.
 */
public final class PickupNames {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS")
            .withZone(ZoneOffset.UTC);

    private final String operator;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    public PickupNames(String operator) {
        this(operator, Clock.systemUTC());
    }

    PickupNames(String operator, Clock clock) {
        this.operator = operator.strip();
        this.clock = clock;
    }

    public String fileName(MimeMessage message, Submission submission) {
        if (submission == null) {
            return "NDOO-gateway-" + TIME.format(clock.instant()) + "-" + sequence.incrementAndGet() + ".eml";
        }
        return submission.getReference() + (isToOperator(message) ? "-operator" : "") + ".eml";
    }

    private boolean isToOperator(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && to.length == 1 && to[0] instanceof InternetAddress address
                    && address.getAddress().equalsIgnoreCase(operator);
        } catch (MessagingException e) {
            throw new IllegalStateException("An email without readable recipients", e);
        }
    }
}
