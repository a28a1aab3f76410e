package org.ndoo.gateway.cluster;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.apache.camel.cluster.CamelClusterMember;

/**
 * The leader's record in the shared cluster root, as Camel's file-lock cluster service writes it beside the lock
 * ({@code <root>/<namespace>.dat}: the leader member's UUID, 36 bytes, its heartbeat interval and its last
 * heartbeat, two longs). Read for fencing: a node acts as leader only while the record names it and its heartbeat is
 * fresh, whatever its own view last concluded.
 */
record LeaseFile(Path path) {

    /** What the record says now: who holds the lease and when it last said so. */
    record Holder(String memberUuid, Instant heartbeat) {
    }

    private static final int UUID_LENGTH = 36;

    static LeaseFile of(String root, String namespace) {
        return new LeaseFile(Path.of(root, namespace + ".dat"));
    }

    /** The holder, or empty when there is no complete record (none yet, or being rewritten). */
    Optional<Holder> read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (bytes.length < UUID_LENGTH + 2 * Long.BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] uuid = new byte[UUID_LENGTH];
        buffer.get(uuid);
        buffer.getLong(); // the holder's heartbeat interval
        return Optional.of(new Holder(new String(uuid, StandardCharsets.UTF_8), Instant.ofEpochMilli(buffer.getLong())));
    }

    /**
     * The UUID the file-lock view writes for {@code member} (its local member): Camel keeps it on a member class of
     * its own, not on the public interface, so it is read through that class's public {@code getUuid()}.
     */
    static Optional<String> uuidOf(CamelClusterMember member) {
        try {
            Method getter = member.getClass().getMethod("getUuid");
            getter.setAccessible(true);
            return Optional.ofNullable((String) getter.invoke(member));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
