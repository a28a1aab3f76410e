package org.ndoo.gateway.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndoo.gateway.support.Await;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leadership's fencing rule against Camel's real file-lock cluster service on a temp folder: the leader's own lease
 * record (as Camel writes it, read by {@link LeaseFile}) names this node with a fresh heartbeat and confirms it; a
 * record naming another member, or this node's heartbeat older than the fencing age, refuses it, whatever the node's
 * own view says; a standby is refused.
 */
class LeaseFileNamesTheLeaderTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);

    @TempDir
    Path root;
    private CamelContext context;
    private Leadership leader;
    private FileLockClusterService leaderService;
    private LeaseFile lease;

    @BeforeEach
    void leadAlone() throws Exception {
        context = new DefaultCamelContext();
        leaderService = service("node-a");
        leader = node(context, leaderService);
        context.start();
        leader.join();
        Await.until("node-a leading", Duration.ofSeconds(20), leader::isLeader);
        lease = LeaseFile.of(root.toString(), ClusterSettings.NAMESPACE);
        Await.until("node-a's lease record", Duration.ofSeconds(10), () -> record() != null);
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void theLeadersOwnRecordConfirmsIt() throws Exception {
        LeaseFile.Holder holder = record();
        assertEquals(memberOf(leaderService), holder.memberUuid(), "the record names the leader's member");
        assertTrue(Duration.between(holder.heartbeat(), Instant.now()).compareTo(INTERVAL.plusSeconds(1)) < 0,
                "its heartbeat is Camel's, in milliseconds of the same clock");
        assertDoesNotThrow(leader::confirm);
    }

    @Test
    void aRecordNamingAnotherMemberRefusesTheLeader() throws Exception {
        afterAHeartbeat();
        write(UUID.randomUUID().toString(), Instant.now());
        assertTrue(leader.isLeader(), "the node's own view still says leader");
        NotLeader refused = assertThrows(NotLeader.class, leader::confirm);
        assertTrue(refused.getMessage().contains("names another node"), refused.getMessage());
    }

    @Test
    void aHeartbeatOlderThanTheFencingAgeRefusesTheLeader() throws Exception {
        afterAHeartbeat();
        Duration fencingAge = INTERVAL.multipliedBy(4);
        write(memberOf(leaderService), Instant.now().minus(fencingAge).minusMillis(200));
        NotLeader refused = assertThrows(NotLeader.class, leader::confirm);
        assertTrue(refused.getMessage().contains("last heartbeat is"), refused.getMessage());
        write(memberOf(leaderService), Instant.now().minus(fencingAge).plusMillis(500));
        assertDoesNotThrow(leader::confirm, "just younger than the fencing age: still the leader");
    }

    @Test
    void aStandbyIsRefused() throws Exception {
        CamelContext second = new DefaultCamelContext();
        try {
            Leadership standby = node(second, service("node-b"));
            second.start();
            standby.join();
            assertEquals("standby", standby.role());
            assertThrows(NotLeader.class, standby::confirm);
            assertTrue(!standby.confirmed() && leader.confirmed(), "only the leader confirms");
        } finally {
            second.stop();
        }
    }

    private FileLockClusterService service(String id) {
        FileLockClusterService service = new FileLockClusterService();
        service.setId(id);
        service.setRoot(root.toString());
        service.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return service;
    }

    /** The gateway's leadership on {@code service}, as ClusterBeans makes it (the multiplier: the default 5). */
    private Leadership node(CamelContext camel, FileLockClusterService service) throws Exception {
        String id = service.getId();
        ClusterSettings settings = ClusterSettings.from(Map.of(ClusterSettings.PREFIX + "enabled", "true",
                ClusterSettings.PREFIX + "root", root.toString(), ClusterSettings.PREFIX + "id", id,
                ClusterSettings.PREFIX + "acquire-lock-interval", INTERVAL.toMillis() + "ms",
                ClusterSettings.PREFIX + "acquire-lock-delay", "100ms")::get);
        service.setHeartbeatTimeoutMultiplier(settings.heartbeatTimeoutMultiplier());
        service.setAcquireLockInterval(settings.acquireLockInterval().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        camel.addService(service, true, true);
        return Leadership.inCluster(service);
    }

    private static String memberOf(FileLockClusterService service) throws Exception {
        return LeaseFile.uuidOf(service.getView(ClusterSettings.NAMESPACE).getLocalMember()).orElseThrow();
    }

    /** The lease record now, or null when there is none (yet, or it is being rewritten). */
    private LeaseFile.Holder record() {
        try {
            return lease.read().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Waits for Camel's next heartbeat, so that the record written next stays for most of an interval. */
    private void afterAHeartbeat() throws Exception {
        Instant last = record().heartbeat();
        Await.until("the next heartbeat", INTERVAL.multipliedBy(3),
                () -> record() != null && record().heartbeat().isAfter(last));
    }

    /** Writes the lease record as Camel does: member UUID (36 bytes), heartbeat interval, heartbeat (ms). */
    private void write(String member, Instant heartbeat) throws Exception {
        ByteBuffer record = ByteBuffer.allocate(36 + 2 * Long.BYTES);
        record.put(member.getBytes(StandardCharsets.US_ASCII)).putLong(INTERVAL.toMillis())
                .putLong(heartbeat.toEpochMilli());
        Files.write(lease.path(), record.array());
    }
}
