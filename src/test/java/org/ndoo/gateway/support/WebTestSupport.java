package org.ndoo.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.ndoo.gateway.startup.WorkDirectoryLock;
import org.ndoo.gateway.submission.WorkArea;
import org.ndoo.gateway.web.WebIntake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web front door over real HTTP (java.net.http, no redirects followed) against the gateway's own server: sign in
 * with the link read from the real sign-in email, GET pages, POST forms (url-encoded or multipart/form-data).
 */
public abstract class WebTestSupport extends GatewayTestSupport {

    protected static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/sign-in/[A-Za-z0-9_-]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** The front door: the server's root. */
    protected String web() {
        return webUrl().substring(0, webUrl().length() - 1);
    }

    protected HttpResponse<String> get(String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(web() + path)).timeout(Duration.ofSeconds(20));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.GET().build());
    }

    protected HttpResponse<String> postForm(String path, String cookie, Map<String, String> fields) {
        String form = fields.entrySet().stream().map(e -> e.getKey() + "="
                + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(web() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A multipart/form-data POST: the text fields, and one file (name and content; null for no file). */
    protected HttpResponse<String> postMultipart(String path, String cookie, Map<String, String> fields,
            String fileName, byte[] file) {
        String boundary = "----ndoo-test-boundary-7d9a";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n"));
        if (fileName != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: text/csv\r\n\r\n");
            body.writeBytes(file);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(web() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Asks for a sign-in link for {@code address}. */
    protected HttpResponse<String> askForLink(String address) {
        return postForm("/sign-in", null, Map.of("email", address));
    }

    /** The sign-in link in the newest of {@code mails} emails received so far. */
    protected static String linkInMail(int mails) {
        MimeMessage mail = awaitMails(mails)[mails - 1];
        Matcher m;
        try {
            m = LINK.matcher(Mails.text(mail));
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new AssertionError("unreadable sign-in email", e);
        }
        if (!m.find()) {
            throw new AssertionError("no sign-in link in the sign-in email");
        }
        return m.group(1);
    }

    /** Follows a sign-in link: the session cookie ({@code ndoo_session=...}), or null when refused. */
    protected HttpResponse<String> follow(String link) {
        return send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(20)).GET().build());
    }

    /** Signs {@code address} in through the real email: the Cookie header value of its session. */
    protected String signIn(String address) {
        int before = MAIL.getReceivedMessages().length;
        askForLink(address);
        HttpResponse<String> answer = follow(linkInMail(before + 1));
        return cookieOf(answer);
    }

    protected static String cookieOf(HttpResponse<String> answer) {
        return answer.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(null);
    }

    /** The csrf token of the form on {@code page}. */
    protected static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no csrf field on the page");
        }
        return m.group(1);
    }

    protected static HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            PrivacyEvidence.page(request.method() + " " + request.uri(), response.headers().map().toString(),
                    response.body());
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code numbers} typed in the check form of the session {@code cookie}; the reference its page shows. */
    protected String checkTyped(String cookie, List<String> numbers) {
        String page = postMultipart("/check", cookie, Map.of("csrf", csrf(get("/check", cookie).body()),
                "numbers", String.join("\n", numbers)), null, null).body();
        return referenceOn(page);
    }

    /** The reference {@code NDOO-...} on the page that answered a check. */
    protected static String referenceOn(String page) {
        Matcher m = Pattern.compile("class=\"reference\">(NDOO-[A-Za-z0-9-]+)<").matcher(page);
        if (!m.find()) {
            throw new AssertionError("no reference on the page");
        }
        return m.group(1);
    }

    /**
     * A web submission's work folder as an earlier run left it: the marker's text ({@code marker}) and, unless
     * {@code numbers} is null, its typed numbers as the input {@code typed-numbers.txt}.
     */
    protected static Path leftWebFolder(String reference, String marker, List<String> numbers)
            throws IOException {
        Path dir = Files.createDirectories(workDir().resolve(reference));
        Files.writeString(dir.resolve(WorkArea.WEB_MARKER), marker,
                StandardCharsets.ISO_8859_1);
        if (numbers != null) {
            Files.writeString(dir.resolve(WebIntake.TYPED_NAME), lines(numbers));
        }
        return dir;
    }

    /**
     * After a restart, while the gateway runs: the exact result of {@code numbers} comes to {@link #SUBMITTER} (the
     * second email, after the sign-in) under {@code reference}; signed in again, /checks shows the check sent; the
     * work area ends empty (but for the running gateway's lock).
     */
    protected void assertDeliveredUnderItsReference(String reference, List<String> numbers)
            throws Exception {
        MimeMessage result = awaitMails(2)[1];
        assertEquals(SUBMITTER, Mails.to(result));
        assertTrue(result.getSubject().startsWith("NDOO check result")
                && result.getSubject().contains(reference), result.getSubject());
        assertSameNumbers(SyntheticNhsNumbers.permitted(numbers), Mails.attachment(result).numbers());
        String cookie = signIn(SUBMITTER);
        Await.until("the check on /checks, sent", Duration.ofSeconds(10), () -> {
            String checks = get("/checks", cookie).body();
            return checks.contains(reference) && checks.contains("Sent to you");
        });
        Await.until("the work area empty", Duration.ofSeconds(10), () -> filesUnder(workDir())
                == (Files.exists(workDir().resolve(WorkDirectoryLock.FILE_NAME)) ? 1 : 0));
    }

    /**
     * Once the gateway has stopped: one result only (with the two sign-in emails), the check's resumption audited,
     * and none of {@code numbers} in the audit or the gateway's {@code logs}.
     */
    protected static void assertResumedWithoutNhsNumbers(String reference, List<String> numbers,
            Path... logs) throws IOException {
        assertEquals(3, MAIL.getReceivedMessages().length, "two sign-in emails and the result, once");
        String audit = Files.readString(auditFile(), StandardCharsets.UTF_8);
        assertTrue(audit.contains("\"event\":\"resumed-after-restart\",\"reference\":\"" + reference + "\""),
                audit);
        assertFalse(holdsAny(audit, numbers), "no NHS number in the audit");
        for (Path log : logs) {
            assertFalse(holdsAny(Files.readString(log, StandardCharsets.UTF_8), numbers), "no NHS number in " + log);
        }
    }

    /** The one of {@code mails} whose subject names {@code reference}. */
    protected static MimeMessage mailAbout(MimeMessage[] mails, String reference) {
        return Arrays.stream(mails).filter(m -> {
            try {
                return m.getSubject().contains(reference);
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no email about " + reference));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code text} holds any of {@code numbers}, as written or spaced 3-3-4. */
    protected static boolean holdsAny(String text, List<String> numbers) {
        return numbers.stream().anyMatch(n -> text.contains(n) || text.contains(SyntheticNhsNumbers.spaced(n)));
    }

    protected static String join(String... lines) {
        return Arrays.stream(lines).collect(Collectors.joining("\n"));
    }
}
