package org.ndoo.gateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP endpoint on loopback in front of a real mail server (GreenMail) that fails for real when told to: it
 * refuses connections (closes them at once), greets with a temporary {@code 421}, rejects the recipient with a
 * permanent {@code 550}, or drops the connection during DATA. In {@link Mode#PASS} it relays the bytes both ways.
 * It can also keep every mail itself ({@link Mode#ACCEPT}) and hold a mail at one moment until the client goes away:
 * fully received but not yet answered ({@link Mode#HOLD_BEFORE_ACCEPT}), or accepted with {@code 250} but the
 * session's {@code QUIT} never answered ({@link Mode#HOLD_AFTER_ACCEPT}); a test kills the gateway there.
 */
public final class FaultySmtpServer implements AutoCloseable {

    /**
     * PERMANENT_550 refuses recipients containing {@link #refuse(String)}'s text and accepts (and keeps) the rest of
     * the mail itself; ACCEPT accepts and keeps every mail; TEMPORARY_451_CONTAINING answers a message containing that
     * text with a temporary 451 after its data and accepts (and keeps) the rest; the HOLD modes stop answering at one
     * moment until the client goes away; the other modes fail every connection.
     */
    public enum Mode { PASS, REFUSE, TEMPORARY_421, PERMANENT_550, DROP_DURING_DATA, ACCEPT, HOLD_BEFORE_ACCEPT,
        HOLD_AFTER_ACCEPT, TEMPORARY_451_CONTAINING }

    private final ServerSocket server;
    private final int relayPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-smtp");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Mode mode = Mode.PASS;
    private volatile String refused = "";
    private final java.util.List<String> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<String> held = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FaultySmtpServer(int relayPort) throws IOException {
        this.relayPort = relayPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /**
     * In PERMANENT_550 mode, recipients containing {@code text} are refused with 550; in TEMPORARY_451_CONTAINING
     * mode, messages containing it get 451.
     */
    public void refuse(String text) {
        this.refused = text;
    }

    /** Messages this server accepted itself (PERMANENT_550, ACCEPT and HOLD_AFTER_ACCEPT modes), as raw text. */
    public java.util.List<String> accepted() {
        return accepted;
    }

    /** Messages received whole but never answered (HOLD_BEFORE_ACCEPT mode), as raw text. */
    public java.util.List<String> held() {
        return held;
    }

    /** Connections accepted so far, whatever became of them. */
    public int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                threads.execute(() -> handle(client, mode));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client, Mode current) {
        try (client) {
            switch (current) {
                case PASS -> relay(client);
                case REFUSE -> { }
                case TEMPORARY_421 -> say(client, "421 4.3.2 Service not available, try again later");
                default -> converse(client, current);
            }
        } catch (IOException e) {
            // the client went away: nothing to do
        }
    }

    private static void say(Socket client, String line) throws IOException {
        client.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();
    }

    /** Just enough SMTP to fail at the recipient or during DATA, or to keep the mail (or hold it). */
    private void converse(Socket client, Mode current) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true);
        out.print("220 faulty.test ESMTP\r\n");
        out.flush();
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO", "HELO" -> out.print("250 faulty.test\r\n");
                case "MAIL" -> out.print("250 2.1.0 Ok\r\n");
                case "RCPT" -> out.print(current == Mode.PERMANENT_550 && line.contains(refused)
                        ? "550 5.1.1 Mailbox unavailable\r\n" : "250 2.1.5 Ok\r\n");
                case "DATA" -> {
                    out.print("354 End data with <CR><LF>.<CR><LF>\r\n");
                    out.flush();
                    if (current == Mode.DROP_DURING_DATA) {
                        in.readLine(); // take a line of the message, then vanish
                        return;
                    }
                    StringBuilder message = new StringBuilder();
                    String data = in.readLine();
                    for (; data != null && !data.equals("."); data = in.readLine()) {
                        message.append(data.startsWith(".") ? data.substring(1) : data).append('\n');
                    }
                    if (data == null) {
                        // the client went (killed) before the end of its message: like any SMTP server, take nothing
                        return;
                    }
                    if (current == Mode.HOLD_BEFORE_ACCEPT) {
                        held.add(message.toString());
                        untilGone(in);
                        return;
                    }
                    if (current == Mode.TEMPORARY_451_CONTAINING && message.indexOf(refused) >= 0) {
                        out.print("451 4.3.0 Temporary failure, try again later\r\n");
                    } else {
                        accepted.add(message.toString());
                        out.print("250 2.0.0 Queued\r\n");
                    }
                }
                case "QUIT" -> {
                    if (current == Mode.HOLD_AFTER_ACCEPT) {
                        untilGone(in);
                        return;
                    }
                    out.print("221 Bye\r\n");
                    out.flush();
                    return;
                }
                default -> out.print("250 Ok\r\n");
            }
            out.flush();
        }
    }

    /** Answers nothing more: reads until the client closes the connection (or is killed). */
    private static void untilGone(BufferedReader in) throws IOException {
        while (in.read() >= 0) {
            // discard
        }
    }

    private void relay(Socket client) throws IOException {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), relayPort)) {
            var toUpstream = threads.submit(() -> copy(client.getInputStream(), upstream.getOutputStream()));
            copy(upstream.getInputStream(), client.getOutputStream());
            toUpstream.cancel(true);
        }
    }

    private static Void copy(InputStream from, OutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = from.read(buffer)) >= 0) {
            to.write(buffer, 0, n);
            to.flush();
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
