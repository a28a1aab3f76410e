package org.ndoo.gateway.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every entry of the shared drop folder readable before each poll (the file consumer's {@code pollStrategy}).
 * <p>
 * Java lists a folder through {@code java.io.File}, which decodes names with the JVM's file-name encoding
 * ({@code sun.jnu.encoding}): a name whose bytes are not valid in it (a Windows share with a legacy code page writes
 * {@code Café.csv} as windows-1252 bytes) comes back with U+FFFD and names no file, so it could never be opened nor
 * deleted, and would stay in the inbox forever. Camel also takes a backslash in a name for a path separator. Such a
 * folder or file (to {@code <inbox>/<folder>/<file>}) is renamed, through the byte-exact {@link Path} that a
 * directory listing gives, to its name decoded as UTF-8 if valid, else as windows-1252, with a backslash (and what the
 * JVM's encoding cannot hold) as {@code _}. The operator is told once per rename (mail and audit record), and the
 * file is then processed like any other.
 */
public final class InboxNameRepair extends DefaultPollingConsumerPollStrategy {

    /**
     * One rename: the folder it happened in (empty for the inbox root), the old name as shown, the new name (empty
     * when the entry could not be renamed: it stays, and the operator must rename or remove it).
     */
    public record Rename(String folder, String oldName, String newName, boolean isFolder) {

        /** Where it was, in plain words. */
        public String where() {
            return (isFolder ? "folder in " : "") + InboxNameRepair.where(folder);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(InboxNameRepair.class);
    private static final Charset LEGACY = Charset.forName("windows-1252");
    private static final String NOTICE_ROUTE = "direct:inbox-name-repaired";

    private static final AtomicBoolean WARNED_LOCALE = new AtomicBoolean();

    private final Path inbox;
    private final Charset fileNames;
    private final CamelContext camelContext;
    private ProducerTemplate notices;
    /** Entries that could not be renamed (told once each, by their byte-exact URI). */
    private final Set<String> unrenamable = ConcurrentHashMap.newKeySet();

    /** Repairs the names in {@code inbox}, telling the operator through {@code camelContext}. */
    public InboxNameRepair(String inbox, CamelContext camelContext) {
        this(inbox, Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")), camelContext);
    }

    InboxNameRepair(String inbox, Charset fileNames, CamelContext camelContext) {
        this.inbox = Paths.get(inbox).toAbsolutePath();
        this.fileNames = fileNames;
        this.camelContext = camelContext;
        if (!StandardCharsets.UTF_8.equals(fileNames) && !WARNED_LOCALE.getAndSet(true)) {
            LOG.warn("The JVM decodes file names as {} (from its locale), not UTF-8: names with accents or other"
                    + " non-ASCII letters cannot be read as they are and are renamed with _ in their place. Start the"
                    + " gateway under a UTF-8 locale (LANG=C.UTF-8).", fileNames.name());
        }
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        for (Rename rename : repair()) {
            tell(rename);
        }
        return true;
    }

    /** Renames what cannot be read as named, in the inbox root and in each folder below it; returns the renames. */
    public List<Rename> repair() {
        List<Rename> renames = new ArrayList<>();
        if (!Files.isDirectory(inbox)) {
            return renames;
        }
        for (Path entry : list(inbox)) {
            Path repaired = repairEntry(entry, "", renames);
            if (Files.isDirectory(repaired, LinkOption.NOFOLLOW_LINKS)) {
                String folder = repaired.getFileName().toString();
                for (Path file : list(repaired)) {
                    repairEntry(file, folder, renames);
                }
            }
        }
        return renames;
    }

    private Path repairEntry(Path entry, String folder, List<Rename> renames) {
        boolean readable = isReadable(entry);
        byte[] raw = readable ? null : rawName(entry);
        if (readable || isTemporary(new String(raw, StandardCharsets.ISO_8859_1))) {
            return entry;
        }
        boolean isFolder = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
        Path target = freeName(entry.getParent(), readableName(raw));
        try {
            Files.move(entry, target);
        } catch (IOException e) {
            if (unrenamable.add(entry.toUri().toString())) {
                LOG.warn("Cannot rename the unreadable name {} in {}: {}", shown(raw), where(folder), e.toString());
                renames.add(new Rename(folder, shown(raw), "", isFolder));
            }
            return entry;
        }
        Rename rename = new Rename(folder, shown(raw), target.getFileName().toString(), isFolder);
        LOG.warn("Renamed {} {} in {} to {}: its name could not be read as it was", rename.isFolder() ? "folder" : "file",
                rename.oldName(), where(folder), rename.newName());
        renames.add(rename);
        return target;
    }

    /** Whether the name, as Java decodes it, names this entry again (and Camel would not split it at a backslash). */
    private static boolean isReadable(Path entry) {
        String name = entry.getFileName().toString();
        try {
            return name.indexOf('\\') < 0 && entry.getParent().resolve(name).equals(entry);
        } catch (InvalidPathException e) {
            return false; // the decoded name cannot even be encoded back (a non-UTF-8 locale)
        }
    }

    /** A name the consumer never reads (an upload in progress): renaming it would break the writer's last rename. */
    private static boolean isTemporary(String name) {
        return name.startsWith(".") || name.startsWith("~$") || name.endsWith(".part") || name.endsWith(".tmp");
    }

    /** The name's bytes as the file system holds them: a Path's URI percent-encodes them byte for byte. */
    static byte[] rawName(Path entry) {
        String uri = entry.toUri().getRawPath();
        if (uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
        String last = uri.substring(uri.lastIndexOf('/') + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < last.length(); i++) {
            char ch = last.charAt(i);
            if (ch == '%' && i + 2 < last.length()) {
                bytes.write(Integer.parseInt(last.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(ch).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    /** The name a person would recognise: UTF-8 if the bytes are valid UTF-8, else windows-1252. */
    String readableName(byte[] raw) {
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            decoded = new String(raw, LEGACY);
        }
        StringBuilder out = new StringBuilder();
        decoded.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            boolean fits = cp != '\\' && cp != 0xFFFD && fileNames.newEncoder().canEncode(ch);
            out.append(fits ? ch : "_");
        });
        return out.toString();
    }

    /** {@code name} in {@code dir}, or with {@code -renamed-<n>} before its extension if that is taken. */
    private static Path freeName(Path dir, String name) {
        Path target = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
            target = dir.resolve(base + "-renamed-" + n + extension);
        }
        return target;
    }

    /** A safe rendering of raw name bytes: printable ASCII as is, every other byte as %XX. */
    static String shown(byte[] raw) {
        StringBuilder out = new StringBuilder();
        for (byte b : raw) {
            int v = b & 0xff;
            out.append(v > 0x20 && v < 0x7f && v != '%' || v == ' ' ? String.valueOf((char) v) : String.format("%%%02X", v));
        }
        return out.toString();
    }

    /** Plain words for where an entry is. */
    public static String where(String folder) {
        return folder.isEmpty() ? "the inbox root" : "folder " + folder;
    }

    private void tell(Rename rename) {
        try {
            if (notices == null) {
                notices = camelContext.createProducerTemplate();
            }
            notices.sendBody(NOTICE_ROUTE, rename);
        } catch (RuntimeException e) {
            LOG.warn("The operator notice about renamed {} could not be sent: {}", rename.newName(), e.getMessage());
        }
    }

    private static List<Path> list(Path dir) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            LOG.warn("Cannot list {} to check its names: {}", dir, e.getMessage());
        } catch (UncheckedIOException e) {
            LOG.warn("Cannot list {} to check its names: {}", dir, e.getMessage());
        }
        return entries;
    }
}
