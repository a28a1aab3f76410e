package org.ndoo.gateway.jar;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ndoo.gateway.support.GatewayProcess;
import org.ndoo.gateway.support.Http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every link in README.md resolves: a relative link names a file of the repository, a {@code #anchor} a heading, and
 * an http link to the gateway's default addresses (127.0.0.1:8380 the web front door, :9876 status page, health and metrics) answers 200 from
 * the jar started on the embedded defaults (on free ports, mapped to the defaults). Links to other hosts are not
 * fetched (the build needs no internet) but must be absolute https URLs. Before, the Quick start linked /observe/, a 404.
 */
class ReadmeLinksResolveTest extends JarTestSupport {

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern AUTO_LINK = Pattern.compile("<(https?://[^>\\s]+)>");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

    @Test
    void everyLinkResolves() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> links = new ArrayList<>();
        for (Pattern pattern : List.of(MARKDOWN_LINK, AUTO_LINK)) {
            Matcher m = pattern.matcher(readme);
            while (m.find()) {
                links.add(m.group(1));
            }
        }
        assertTrue(links.size() > 5, "links found: " + links);
        Set<String> anchors = headingAnchors(readme);

        Path dir = newDir();
        GatewayProcess gateway = startJar(settings(dir), dir);
        awaitReadiness(gateway);
        URI web = URI.create(webUrl(gateway));
        URI health = URI.create(healthUrl(gateway));
        for (String link : links) {
            if (link.startsWith("#")) {
                assertTrue(anchors.contains(link.substring(1)), "README heading for " + link + " among " + anchors);
            } else if (link.startsWith("http://127.0.0.1:") || link.startsWith("http://localhost:")) {
                URI uri = URI.create(link);
                int port = switch (uri.getPort()) {
                    case 8380 -> web.getPort();
                    case 9876 -> health.getPort();
                    default -> throw new AssertionError(link + " is not a default address of the gateway");
                };
                String live = "http://127.0.0.1:" + port + uri.getRawPath();
                assertEquals(200, Http.get(live).status(), link + " (as " + live + ")");
            } else if (link.matches("[a-z]+:.*")) {
                assertTrue(link.startsWith("https://"), "an external link is https: " + link);
            } else {
                assertTrue(Files.exists(Path.of(link.replaceAll("#.*", ""))), "README links a file that exists: " + link);
            }
        }
    }

    /** GitHub's anchors: lower case, punctuation other than '-' removed, spaces as '-'. */
    private static Set<String> headingAnchors(String readme) {
        Matcher m = HEADING.matcher(readme.replaceAll("(?s)```.*?```", ""));
        List<String> headings = new ArrayList<>();
        while (m.find()) {
            headings.add(m.group(1).strip());
        }
        return headings.stream().map(h -> h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }
}
