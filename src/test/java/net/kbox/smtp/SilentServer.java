package net.kbox.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accepts TCP connections on 127.0.0.1 and never says a word: a hung or firewalled-after-accept server. */
public final class SilentServer implements TestSmtpServer {

    private final ServerSocket serverSocket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private SilentServer() throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("silent-server").start(this::acceptForever);
    }

    public static SilentServer start() {
        try {
            return new SilentServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
    public static int closedPort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int port() {
        return serverSocket.getLocalPort();
    }

    @Override
    public List<ReceivedMessage> messages() {
        return List.of();
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptForever() {
        while (!serverSocket.isClosed()) {
            try {
                accepted.add(serverSocket.accept());
            } catch (IOException e) {
                return; // closed
            }
        }
    }
}
