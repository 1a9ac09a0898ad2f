package net.kbox.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Greets, then answers EHLO with {@code 250-} lines that never end: a trickle (a line every 50 ms, so that
 * no single wait comes near any timeout) or a flood (as fast as the client takes them), in plain text (the
 * EHLO before STARTTLS) or over implicit TLS with the localhost certificate of {@link TestCertificates}.
 * It notices when a client goes away, and gives up itself after a minute (or a flood of 32 MiB), so that a
 * client that never stops reading ends some day too.
 */
public final class EndlessReplyServer extends RawServer {

    private static final Duration GIVE_UP = Duration.ofMinutes(1);
    private static final long FLOOD_LIMIT = 32L * 1024 * 1024;

    private final boolean flood;
    private final List<CountDownLatch> clientsGone = new CopyOnWriteArrayList<>();

    private EndlessReplyServer(boolean flood, ServerSocket serverSocket) {
        super(serverSocket);
        this.flood = flood;
    }

    /** Plain text; a line every 50 ms. */
    public static EndlessReplyServer trickling() {
        return start(false, false);
    }

    /** Plain text; as fast as the client reads. */
    public static EndlessReplyServer flooding() {
        return start(true, false);
    }

    /** Implicit TLS; as fast as the client reads. */
    public static EndlessReplyServer floodingOverTls() {
        return start(true, true);
    }

    private static EndlessReplyServer start(boolean flood, boolean tls) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            var server = new EndlessReplyServer(flood, tls
                    ? TestCertificates.get().serverContext(TestCertificates.Identity.LOCALHOST).getServerSocketFactory()
                            .createServerSocket(0, 50, loopback)
                    : new ServerSocket(0, 50, loopback));
            server.listen("endless-reply-server");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many clients connected so far. */
    public int connections() {
        return clientsGone.size();
    }

    /** Whether every client that connected has closed its side of the connection, waiting at most {@code wait}. */
    public boolean clientsGoneWithin(Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        for (CountDownLatch gone : clientsGone) {
            if (!gone.await(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    @Override
    void accepted(Socket socket) {
        var gone = new CountDownLatch(1);
        clientsGone.add(gone);
        Thread.ofVirtual().name("endless-reply").start(() -> answer(socket, gone));
    }

    private void answer(Socket socket, CountDownLatch gone) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out.write("220 endless.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (in.readLine() == null) {
                gone.countDown(); // a client that only probed the port
                return;
            }
            // from here on the client only reads; when it closes the connection, this read ends
            Thread.ofVirtual().name("endless-reply-listener").start(() -> awaitEnd(in, gone));
            out.write("250-endless.test\r\n".getBytes(StandardCharsets.US_ASCII));
            long until = System.nanoTime() + GIVE_UP.toNanos();
            long written = 0;
            for (long line = 1; System.nanoTime() < until && written < FLOOD_LIMIT; line++) {
                byte[] bytes = ("250-STILL-GOING " + line + "\r\n").getBytes(StandardCharsets.US_ASCII);
                out.write(bytes);
                written += bytes.length;
                if (!flood) {
                    out.flush();
                    Thread.sleep(50);
                }
            }
            out.flush();
            // neither the final line nor a close: only the client can end it now
            gone.await(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            gone.countDown(); // the client went away while the server was still sending
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitEnd(BufferedReader in, CountDownLatch gone) {
        try {
            while (in.readLine() != null) {
                // whatever the client still says (QUIT), it is not an answer to anything
            }
        } catch (IOException e) {
            // reset by the client: gone as well
        }
        gone.countDown();
    }
}
