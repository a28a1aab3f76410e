package org.ndoo.gateway.intake;

import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.ndoo.gateway.delivery.AllowedDomains;
import org.ndoo.gateway.retry.RetrySchedule;

/**
 * The intake beans, by name: what decides which inbox entries are submissions (filter, done files, skipped
 * entries, name repair), who may submit, how a file is read, and how an input is deleted.
 */
public final class IntakeBeans implements CamelConfiguration {

    @PropertyInject("gateway.inbox.dir")
    private String inbox;
    @PropertyInject("gateway.inbox.max-bytes")
    private long maxBytes;
    @PropertyInject("gateway.inbox.max-rows")
    private long maxRows;
    @PropertyInject("gateway.inbox.max-line-length")
    private int maxLineLength;
    @PropertyInject(value = DoneFiles.KEY, defaultValue = "")
    private String doneFileName;

    private DoneFiles doneFiles;
    private SkippedEntries skippedEntries;

    @BindToRegistry("submissionIntake")
    public SubmissionIntake submissionIntake(@BeanInject("allowedDomains") AllowedDomains allowedDomains) {
        return new SubmissionIntake(allowedDomains, maxBytes);
    }

    @BindToRegistry("skippedEntries")
    public synchronized SkippedEntries skippedEntries(CamelContext context) {
        if (skippedEntries == null) {
            skippedEntries = new SkippedEntries();
            skippedEntries.setCamelContext(context);
        }
        return skippedEntries;
    }

    @BindToRegistry("doneFiles")
    public synchronized DoneFiles doneFiles() {
        if (doneFiles == null) {
            doneFiles = new DoneFiles(doneFileName);
        }
        return doneFiles;
    }

    @BindToRegistry("inboxFilter")
    public InboxFilter inboxFilter(@BeanInject("retrySchedule") RetrySchedule retries, CamelContext context) {
        return new InboxFilter(retries, skippedEntries(context), doneFiles());
    }

    @BindToRegistry("inputDeletion")
    public InputDeletion inputDeletion() {
        return new InputDeletion(doneFiles());
    }

    @BindToRegistry("inboxNameRepair")
    public InboxNameRepair inboxNameRepair(CamelContext context) {
        InboxNameRepair repair = new InboxNameRepair(inbox);
        repair.setCamelContext(context);
        return repair;
    }

    @BindToRegistry("quietExceptionHandler")
    public QuietExceptionHandler quietExceptionHandler() {
        return new QuietExceptionHandler();
    }

    @BindToRegistry("numberFileReader")
    public NumberFileReader numberFileReader() {
        return new NumberFileReader(maxRows, maxLineLength);
    }
}
