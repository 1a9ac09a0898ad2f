package net.kbox.smtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on a bare socket, for the ones that misbehave on purpose: it accepts every connection on a
 * thread of its own and hands it to {@link #accepted(Socket)}; closing it closes them all.
 */
abstract class RawServer implements TestSmtpServer {

    private final ServerSocket serverSocket;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    RawServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
    }

    /** Starts accepting; call once the subclass is constructed. */
    final void listen(String name) {
        Thread.ofVirtual().name(name).start(this::acceptForever);
    }

    /** A new connection, on the accepting thread: answer it on another, or keep it and say nothing. */
    abstract void accepted(Socket socket);

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
            for (Socket socket : connections) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptForever() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                connections.add(socket);
                accepted(socket);
            } catch (IOException e) {
                return; // closed
            }
        }
    }
}
