package net.kbox.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Accepts TCP connections on 127.0.0.1 and never says a word: a hung or firewalled-after-accept server. */
public final class SilentServer extends RawServer {

    private SilentServer() throws IOException {
        super(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    public static SilentServer start() {
        try {
            var server = new SilentServer();
            server.listen("silent-server");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void accepted(Socket socket) {
        // kept open, and silent
    }

    /** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
    public static int closedPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
