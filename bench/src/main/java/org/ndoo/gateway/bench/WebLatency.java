package org.ndoo.gateway.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Ten typed numbers through the web front door, POST to result email in the pickup folder, with the default
 * settings (sandbox lookup). Written against the front door's contract (issue 14): {@code GET /}, {@code POST
 * /sign-in} with {@code email}, the link {@code .../sign-in/<token>} read from the sign-in email, {@code GET /check}
 * for the form's {@code csrf}, then {@code POST /check} as {@code multipart/form-data} with {@code numbers} (and an
 * empty {@code file}, as a browser sends it). Timed from just before the POST to the result's {@code .eml} in the
 * pickup folder. A gateway without {@code /check} (404) is reported, not measured.
 */
final class WebLatency {

    static final String TARGET = "< 500 ms";
    private static final Pattern LINK = Pattern.compile("/sign-in/[A-Za-z0-9_~.-]+");
    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"csrf\"[^>]*value=\"([^\"]*)\"|<input[^>]*value=\"([^\"]*)\"[^>]*name=\"csrf\"");

    // the session cookie is kept by hand, sent as a browser sends it (java.net.CookieManager would send an RFC 2965
    // "$Version=1; name=\"value\"" header); redirects are not followed
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final Path pickup;
    private final Set<Path> seen = new HashSet<>();
    private String cookie;

    WebLatency(String webUrl, Path pickup) {
        this.base = URI.create(webUrl);
        this.pickup = pickup;
    }

    /** The POST-to-email times of {@code runs} submissions after one warm-up; empty when there is no /check. */
    List<Long> measure(String email, List<String> numbers, int runs) throws Exception {
        if (get("check").statusCode() == 404) {
            return List.of();
        }
        signIn(email);
        submit(numbers);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(submit(numbers));
        }
        return times;
    }

    private void signIn(String email) throws Exception {
        String form = expect(get(""), "GET /").body();
        String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + csrf(form)
                .map(token -> "&csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)).orElse("");
        expect(http.send(request("sign-in").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()),
                "POST /sign-in");
        Matcher link = LINK.matcher(text(nextMail(Duration.ofSeconds(30))));
        if (!link.find()) {
            throw new IllegalStateException("no sign-in link in the sign-in email");
        }
        HttpResponse<String> signedIn = expect(get(link.group().substring(1)), "GET the sign-in link");
        cookie = signedIn.headers().firstValue("Set-Cookie").map(value -> value.split(";", 2)[0])
                .orElseThrow(() -> new IllegalStateException("no session cookie from the sign-in link"));
    }

    /** One submission of {@code numbers}: milliseconds from just before the POST to the result email. */
    private long submit(List<String> numbers) throws Exception {
        HttpResponse<String> form = get("check");
        if (form.statusCode() != 200) {
            throw new IllegalStateException("GET /check signed in answered " + form.statusCode());
        }
        String token = csrf(form.body())
                .orElseThrow(() -> new IllegalStateException("no csrf field in the /check form"));
        String boundary = "----bench" + UUID.randomUUID();
        String body = part(boundary, "csrf", null, token) + part(boundary, "numbers", null, String.join("\n", numbers))
                + part(boundary, "file", "", "") + "--" + boundary + "--\r\n";
        HttpRequest post = request("check").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long start = System.nanoTime();
        expect(http.send(post, HttpResponse.BodyHandlers.ofString()), "POST /check");
        MimeMessage result = nextMail(Duration.ofSeconds(60));
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (Mailbox.read(0, result).responseSha256() == null) {
            throw new IllegalStateException("the email after POST /check is not a result: " + result.getSubject());
        }
        return ms;
    }

    private static String part(String boundary, String name, String fileName, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "\r\n" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n")
                + "\r\n" + value + "\r\n";
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        return cookie == null ? request : request.header("Cookie", cookie);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code response}, when it is a success or a redirect (a POST answered by 303, the link by 303 to /check). */
    private static HttpResponse<String> expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2 && response.statusCode() / 100 != 3) {
            throw new IllegalStateException(what + " answered " + response.statusCode());
        }
        return response;
    }

    private static java.util.Optional<String> csrf(String page) {
        Matcher m = CSRF.matcher(page);
        return m.find() ? java.util.Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : java.util.Optional.empty();
    }

    /** The next new .eml in the pickup folder, checked every 2 ms. */
    private MimeMessage nextMail(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(pickup, "*.eml")) {
                for (Path file : files) {
                    // the gateway writes each .eml as .writing-<name> first (its pickup contract): not a mail yet
                    if (!file.getFileName().toString().startsWith(".") && seen.add(file)) {
                        try (InputStream in = Files.newInputStream(file)) {
                            return new MimeMessage(Session.getInstance(new Properties()), in);
                        }
                    }
                }
            }
            Thread.sleep(2);
        }
        throw new TimeoutException("no email in " + pickup + " within " + timeout);
    }

    /** The message's text parts, decoded. */
    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/*")) {
                    text.append(part.getContent());
                }
            }
            return text.toString();
        }
        if (content instanceof InputStream in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }
        return String.valueOf(content);
    }
}
