package org.ndoo.gateway.intake;

import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.ndoo.gateway.cluster.Leadership;
import org.ndoo.gateway.delivery.AllowedDomains;
import org.ndoo.gateway.retry.RetrySchedule;
import org.ndoo.gateway.settings.BeanConfiguration;

/**
 * The intake beans, by name: what decides which inbox entries are submissions (filter, done files, skipped
 * entries, name repair), who may submit, how a file is read, and how an input is deleted.
 */
public final class IntakeBeans extends BeanConfiguration {

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

    @BindToRegistry("submissionIntake")
    public SubmissionIntake submissionIntake(@BeanInject("allowedDomains") AllowedDomains allowedDomains) {
        return once("submissionIntake", () -> new SubmissionIntake(allowedDomains, maxBytes));
    }

    @BindToRegistry("skippedEntries")
    public SkippedEntries skippedEntries(CamelContext context) {
        return once("skippedEntries", () -> new SkippedEntries(context));
    }

    @BindToRegistry("doneFiles")
    public DoneFiles doneFiles() {
        return once("doneFiles", () -> new DoneFiles(doneFileName));
    }

    @BindToRegistry("inboxFilter")
    public InboxFilter inboxFilter(@BeanInject("retrySchedule") RetrySchedule retries, CamelContext context) {
        return once("inboxFilter", () -> new InboxFilter(retries, skippedEntries(context), doneFiles()));
    }

    @BindToRegistry("inputDeletion")
    public InputDeletion inputDeletion(@BeanInject("leadership") Leadership leadership) {
        return once("inputDeletion", () -> new InputDeletion(doneFiles(), leadership));
    }

    @BindToRegistry("inboxNameRepair")
    public InboxNameRepair inboxNameRepair(CamelContext context) {
        return once("inboxNameRepair", () -> new InboxNameRepair(inbox, context));
    }

    @BindToRegistry("quietExceptionHandler")
    public QuietExceptionHandler quietExceptionHandler() {
        return once("quietExceptionHandler", QuietExceptionHandler::new);
    }

    @BindToRegistry("numberFileReader")
    public NumberFileReader numberFileReader() {
        return once("numberFileReader", () -> new NumberFileReader(maxRows, maxLineLength));
    }
}
