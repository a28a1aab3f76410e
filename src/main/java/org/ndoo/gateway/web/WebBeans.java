package org.ndoo.gateway.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.ndoo.gateway.delivery.AllowedDomains;
import org.ndoo.gateway.intake.SubmissionIntake;
import org.ndoo.gateway.operations.SubmissionBoard;
import org.ndoo.gateway.retry.RetrySchedule;
import org.ndoo.gateway.settings.BeanConfiguration;
import org.ndoo.gateway.settings.SettingsCheck;
import org.ndoo.gateway.startup.StartupRefused;
import org.ndoo.gateway.state.PostgresWebHistory;
import org.ndoo.gateway.state.PostgresWebSessions;
import org.ndoo.gateway.state.SharedState;
import org.ndoo.gateway.state.StateBeans;
import org.ndoo.gateway.submission.WorkArea;

/**
 * The web front door's beans, by name (README, "Web front door"): the page layout and headers, sign-in links and
 * sessions, the check form's intake and the history of a person's checks. Its gateway.web.* settings are checked
 * before, at start-up ({@link WebSettings}).
 */
public final class WebBeans extends BeanConfiguration {

    static final Set<String> AUTH_MODES = Set.of("email-link", "proxy-header");

    @PropertyInject(value = "gateway.web.base-url", defaultValue = " ")
    private String baseUrl;
    @PropertyInject(value = "camel.server.host", defaultValue = "127.0.0.1")
    private String host;
    @PropertyInject(value = "camel.server.port", defaultValue = "8080")
    private String port;
    @PropertyInject(value = "gateway.web.sign-in-link-minutes", defaultValue = "15")
    private String linkMinutes;
    @PropertyInject(value = "gateway.web.session-minutes", defaultValue = "60")
    private String sessionMinutes;
    @PropertyInject(value = "gateway.web.sign-in-limit", defaultValue = "5")
    private String signInLimit;
    @PropertyInject(value = "gateway.web.sign-in-window", defaultValue = "15m")
    private String signInWindow;

    @PropertyInject(value = "gateway.web.history-days", defaultValue = "7")
    private String historyDays;
    @PropertyInject("gateway.audit.file")
    private String auditFile;
    @PropertyInject("gateway.inbox.max-bytes")
    private long maxBytes;

    @BindToRegistry("webPageLayout")
    public PageLayout webPageLayout() {
        return once("webPageLayout", PageLayout::new);
    }

    @BindToRegistry("webResponse")
    public WebResponse webResponse() {
        return once("webResponse", WebResponse::new);
    }

    @BindToRegistry("webHeaderFilter")
    public WebHeaderFilter webHeaderFilter() {
        return once("webHeaderFilter", WebHeaderFilter::new);
    }

    @BindToRegistry("webAssets")
    public WebAssets webAssets() {
        return once("webAssets", WebAssets::new);
    }

    @BindToRegistry("signInPages")
    public SignInPages signInPages() {
        return once("signInPages", () -> new SignInPages(webPageLayout(), positive("gateway.web.sign-in-link-minutes",
                linkMinutes)));
    }

    @BindToRegistry("webSignIn")
    public WebSignIn webSignIn(@BeanInject("allowedDomains") AllowedDomains allowedDomains, CamelContext context) {
        return once("webSignIn", () -> {
            Clock clock = clock(context);
            // the TLS keys are the server's (gateway.web.tls.*): when a key store is set, the front door is https
            String keystoreFile = context.getPropertiesComponent().resolveProperty("gateway.web.tls.keystore-file")
                    .orElse("");
            SharedState shared = StateBeans.of(context);
            // clustered, a person signed in on one node stays signed in on the others
            WebSessions sessions = new WebSessions(shared.clustered() ? new PostgresWebSessions(shared.dataSource())
                    : new WebSessions.MemoryStore(),
                    Duration.ofMinutes(positive("gateway.web.sign-in-link-minutes", linkMinutes)),
                    Duration.ofMinutes(positive("gateway.web.session-minutes", sessionMinutes)), clock);
            SignInLimits limits = new SignInLimits((int) positive("gateway.web.sign-in-limit", signInLimit),
                    SettingsCheck.duration("gateway.web.sign-in-window", signInWindow), clock);
            String base = frontDoorUrl(!keystoreFile.isBlank());
            return new WebSignIn(sessions, limits, allowedDomains, base,
                    base.startsWith("https://") || !keystoreFile.isBlank());
        });
    }

    @BindToRegistry("checkPages")
    public CheckPages checkPages() {
        return once("checkPages", () -> new CheckPages(webPageLayout(), maxBytes));
    }

    @BindToRegistry("webIntake")
    public WebIntake webIntake(@BeanInject("submissionIntake") SubmissionIntake intake,
            @BeanInject("workArea") WorkArea workArea) {
        return once("webIntake", () -> new WebIntake(intake, workArea));
    }

    @BindToRegistry("webRetries")
    public WebRetries webRetries(@BeanInject("retrySchedule") RetrySchedule schedule, CamelContext context) {
        return once("webRetries", () -> new WebRetries(context, schedule));
    }

    /** The web submissions an earlier run left in their work folders, taken up by resume-web-submissions. */
    @BindToRegistry("webResumption")
    public WebResumption webResumption(@BeanInject("workArea") WorkArea workArea,
            @BeanInject("submissionIntake") SubmissionIntake intake, @BeanInject("retrySchedule") RetrySchedule schedule,
            @BeanInject("failures") org.ndoo.gateway.retry.Failures failures,
            @BeanInject("leadership") org.ndoo.gateway.cluster.Leadership leadership) {
        return once("webResumption", () -> new WebResumption(workArea, intake, schedule, failures, Clock.systemUTC(),
                leadership.clustered()));
    }

    @BindToRegistry("webHistory")
    public WebHistory webHistory(@BeanInject("submissionBoard") SubmissionBoard board, CamelContext context) {
        SharedState shared = StateBeans.of(context);
        Duration keep = Duration.ofDays(positive("gateway.web.history-days", historyDays));
        // clustered, /checks shows the same on every node: from the shared database, not this node's audit file
        return once("webHistory", () -> shared.clustered()
                ? new WebHistory(new PostgresWebHistory(shared.dataSource()), board, keep, clock(context))
                : new WebHistory(java.nio.file.Path.of(auditFile), board, keep, clock(context)));
    }

    @BindToRegistry("checksPages")
    public ChecksPages checksPages(@BeanInject("submissionBoard") SubmissionBoard board, CamelContext context) {
        return once("checksPages", () -> new ChecksPages(webPageLayout(), webHistory(board, context),
                positive("gateway.web.history-days", historyDays)));
    }

    /**
     * The time links and sessions expire by: the system's, or that of a bean 'webClock' where one is bound (tests
     * move it on), looked up when asked.
     */
    static Clock clock(CamelContext context) {
        return new Clock() {
            private Clock bound() {
                Clock bound = context.getRegistry().lookupByNameAndType("webClock", Clock.class);
                return bound == null ? Clock.systemUTC() : bound;
            }

            @Override
            public java.time.ZoneId getZone() {
                return bound().getZone();
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return bound().withZone(zone);
            }

            @Override
            public java.time.Instant instant() {
                return bound().instant();
            }
        };
    }

    /** Where staff reach the front door: gateway.web.base-url, or http(s)://host:port of the server. */
    private String frontDoorUrl(boolean tls) {
        String base = baseUrl.strip();
        if (base.isEmpty()) {
            return (tls ? "https" : "http") + "://" + host.strip() + ":" + port.strip();
        }
        return base;
    }

    static long positive(String key, String value) {
        try {
            long n = Long.parseLong(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new StartupRefused(key + " must be a whole number above 0, not '" + value.strip() + "'");
    }
}
