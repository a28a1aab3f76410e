package org.ndoo.gateway.jar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.ndoo.gateway.support.SftpOperationsSeen;
import org.ndoo.gateway.support.SftpOperationsSeen.Kind;
import org.ndoo.gateway.support.SftpOperationsSeen.Operation;
import org.ndoo.gateway.support.SftpTestClient;
import org.ndoo.gateway.support.SftpTestServer;
import org.ndoo.gateway.support.SyntheticNhsNumbers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar with one SFTP source, "warehouse", polling {@code outgoing/} on the in-repo SFTP server and putting
 * its results back in {@code results/} ({@code reply = sftp}), the way the system that pushed the file collects them.
 * Every file operation the server is asked for is recorded ({@link SftpOperationsSeen}).
 */
abstract class SftpReplyTestSupport extends JarTestSupport {

    static final String REMOTE_DIR = "outgoing";
    static final String REPLY_DIR = "results";
    /** The submitter folder's reply folder as the server names it. */
    static final String REPLY_FOLDER = "/" + REPLY_DIR + "/" + SUBMITTER;

    static SftpTestServer sftp;
    static Path sftpRoot;
    static final SftpOperationsSeen SEEN = new SftpOperationsSeen();

    @BeforeAll
    static void startSftp() throws IOException {
        sftpRoot = Files.createDirectories(root.resolve("sftp-root"));
        Files.createDirectories(sftpRoot.resolve(REMOTE_DIR));
        sftp = SftpTestServer.startForGateway(sftpRoot, root);
        sftp.addEventListener(SEEN);
    }

    @AfterAll
    static void stopSftp() throws IOException {
        sftp.close();
    }

    @BeforeEach
    void forgetOperations() {
        SEEN.clear();
    }

    /** {@link #settings}, and the source "warehouse" answering over SFTP into {@code results/}. */
    static Map<String, String> replySettings(Path dir) {
        Map<String, String> s = settings(dir);
        s.putAll(sftp.warehouseSource(REMOTE_DIR));
        s.put("gateway.sftp.warehouse.reply", "sftp");
        s.put("gateway.sftp.warehouse.reply-dir", REPLY_DIR);
        s.put("gateway.sftp.error-backoff-multiplier", "1");
        return s;
    }

    /** Pushes {@code numbers} (one a line) to {@code outgoing/<submitter>/<fileName>} as the pushing system does. */
    static Path push(String fileName, List<String> numbers) throws IOException {
        try (SftpTestClient pusher = SftpTestClient.connect(sftp)) {
            pusher.put(REMOTE_DIR + "/" + SUBMITTER + "/" + fileName, lines(numbers));
        }
        return sftpRoot.resolve(REMOTE_DIR).resolve(SUBMITTER).resolve(fileName);
    }

    /** The submitter's reply folder on the server's disk. */
    static Path replyFolder() {
        return sftpRoot.resolve(REPLY_DIR).resolve(SUBMITTER);
    }

    /** The result file the email would carry: the header, then the permitted numbers in input order, LF. */
    static byte[] expectedCsv(List<String> numbers) {
        return ("nhs_number\n" + lines(SyntheticNhsNumbers.permitted(numbers))).getBytes(StandardCharsets.US_ASCII);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks {@code json} as the pushing system reads it: the delivered result of {@code inputName} (its
     * {@code numbers}, all valid, distinct, without a header), naming {@code csv} by name and SHA-256. Only field
     * names and counts go into messages, never the file's content.
     */
    static JsonNode assertDeliveredRecord(byte[] json, String inputName, List<String> numbers, byte[] csv)
            throws IOException {
        JsonNode record = new ObjectMapper().readTree(json);
        String base = inputName.substring(0, inputName.lastIndexOf('.'));
        assertTrue(record.path("reference").asText().matches("NDOO-[0-9A-Za-z-]+"), "reference");
        assertEquals("sftp:warehouse", record.path("source").asText());
        assertEquals(inputName, record.path("file").asText());
        assertEquals("delivered", record.path("outcome").asText());
        assertTrue(record.path("reason").isNull(), "no reason for a delivered result");
        JsonNode counts = record.path("counts");
        long permitted = SyntheticNhsNumbers.permitted(numbers).size();
        assertEquals(numbers.size(), counts.path("rows").asLong(), "rows");
        assertEquals(numbers.size(), counts.path("valid").asLong(), "valid");
        assertEquals(0, counts.path("invalid").asLong(-1), "invalid");
        assertTrue(counts.path("invalidLines").isArray() && counts.path("invalidLines").isEmpty(), "invalidLines");
        assertEquals(0, counts.path("duplicates").asLong(-1), "duplicates");
        assertEquals(numbers.size(), counts.path("checked").asLong(), "checked");
        assertEquals(permitted, counts.path("permitted").asLong(), "permitted");
        assertEquals(numbers.size() - permitted, counts.path("withheld").asLong(), "withheld");
        OffsetDateTime received = OffsetDateTime.parse(record.path("receivedAt").asText());
        assertFalse(OffsetDateTime.parse(record.path("finishedAt").asText()).isBefore(received),
                "finishedAt not before receivedAt");
        assertEquals(base + "-permitted.csv", record.path("resultFile").path("name").asText());
        assertEquals(sha256(csv), record.path("resultFile").path("sha256").asText(), "the CSV's SHA-256");
        return record;
    }

    /** Every file the server was asked to open for writing, or to write, in the reply folder had a temporary name. */
    static void assertWrittenOnlyUnderTemporaryNames() {
        for (Operation o : SEEN.in(REPLY_FOLDER)) {
            if (o.kind() == Kind.OPEN_FOR_WRITING || o.kind() == Kind.WRITE) {
                String name = Operation.name(o.path());
                assertTrue(name.startsWith(".") && name.endsWith(".part"), "written only under a temporary name: "
                        + o.kind() + " " + name);
            }
        }
    }

    /**
     * What the pushing system finds for {@code inputName}: exactly its CSV and its JSON in the reply folder, no
     * temporary file, the CSV the permitted numbers of {@code numbers}, the JSON the delivered record naming it.
     */
    static void assertReplyFolderHoldsTheResult(String inputName, List<String> numbers) throws IOException {
        String base = inputName.substring(0, inputName.lastIndexOf('.'));
        try (Stream<Path> files = Files.list(replyFolder())) {
            assertEquals(List.of(base + "-permitted.csv", base + "-result.json"), files.map(p -> p.getFileName()
                    .toString()).sorted().toList(), "the reply folder holds the two files, no temporary one");
        }
        byte[] csv = Files.readAllBytes(replyFolder().resolve(base + "-permitted.csv"));
        byte[] expected = expectedCsv(numbers);
        // compared whole, never printed: numbers stay out of test output
        assertTrue(Arrays.equals(expected, csv), "the CSV is the input's permitted numbers, " + csv.length
                + " bytes of the expected " + expected.length);
        assertDeliveredRecord(Files.readAllBytes(replyFolder().resolve(base + "-result.json")), inputName, numbers,
                csv);
    }
}
