package org.ndoo.gateway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/** The gateway's pickup folder: a new {@code .eml} file is a delivered email. Checked every 2 ms. */
final class PickupMailbox implements Mailbox {

    private final Path folder;
    private final Set<Path> seen = new HashSet<>();

    PickupMailbox(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    @Override
    public Delivery next(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.eml")) {
                for (Path file : files) {
                    // the gateway writes each .eml as .writing-<name> first (its pickup contract): not a mail yet
                    if (!file.getFileName().toString().startsWith(".") && seen.add(file)) {
                        long arrived = System.currentTimeMillis();
                        try (InputStream in = Files.newInputStream(file)) {
                            Delivery delivery = Mailbox.read(arrived, in);
                            Files.delete(file);
                            return delivery;
                        }
                    }
                }
            }
            Thread.sleep(2);
        }
        throw new TimeoutException("no email in " + folder + " within " + timeout);
    }

    @Override
    public Map<String, String> gatewaySettings() {
        return Map.of("gateway.mail.transport", "pickup", "gateway.mail.pickup-dir", folder.toString());
    }

    @Override
    public void close() {
    }
}
