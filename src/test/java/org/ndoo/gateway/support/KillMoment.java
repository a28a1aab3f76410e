package org.ndoo.gateway.support;

import jakarta.mail.MessagingException;

/**
 * Where a SIGKILL lands in a submission's life, what holds the gateway there long enough to be sure of it (the test
 * lookup or the faulty mail server), and how a test sees that it got there. The target file has {@link #rows} rows,
 * checked in chunks of {@link #CHUNK} (the gateway's {@code gateway.lookup.chunk-size} in these tests).
 */
public enum KillMoment {
    /** after "received", the lookup holding every request so the submission cannot end. */
    WHILE_READING(300_000),
    /** after "chunk 1 of 3 answered", the lookup holding chunk 2. */
    BETWEEN_CHUNKS(3 * KillMoment.CHUNK),
    /** the result mail received whole by the mail server, never answered. */
    WHILE_MAILING(3 * KillMoment.CHUNK),
    /** the result mail accepted (250), the session's end never answered: before the input's deletion. */
    AFTER_MAIL_ACCEPTED(3 * KillMoment.CHUNK);

    /** The chunk size the gateways of these tests run with. */
    public static final int CHUNK = 20_000;

    public final int rows;

    KillMoment(int rows) {
        this.rows = rows;
    }

    /** Arranges for the gateway to stop at this moment of the target, whose first number is given. */
    public void hold(LookupServer lookup, FaultySmtpServer smtp, String targetsFirstNumber) {
        switch (this) {
            case WHILE_READING -> lookup.holdFromRequest(1);
            // the target's first chunk answered, its others held (two chunks are asked at a time, in either order)
            case BETWEEN_CHUNKS -> lookup.holdAllBut(targetsFirstNumber, CHUNK - 1);
            case WHILE_MAILING -> smtp.mode(FaultySmtpServer.Mode.HOLD_BEFORE_ACCEPT);
            case AFTER_MAIL_ACCEPTED -> smtp.mode(FaultySmtpServer.Mode.HOLD_AFTER_ACCEPT);
        }
    }

    /** Whether {@code gateway} is at this moment with the target (its reference and file name given). */
    public boolean reached(GatewayProcess gateway, FaultySmtpServer smtp, String reference, String targetName) {
        return switch (this) {
            case WHILE_READING -> true; // "received" is the event: kill at once
            case BETWEEN_CHUNKS -> gateway.logContains(reference + ": chunk 1 of 3 answered");
            case WHILE_MAILING -> smtp.held().stream().anyMatch(raw -> subjectOf(raw).contains(targetName));
            case AFTER_MAIL_ACCEPTED -> smtp.accepted().stream().anyMatch(raw -> subjectOf(raw).contains(targetName));
        };
    }

    private static String subjectOf(String raw) {
        try {
            return Mails.parse(raw).getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
