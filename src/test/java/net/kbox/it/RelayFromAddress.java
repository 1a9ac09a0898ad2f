package net.kbox.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP relay for a browser that must reach the application from another client address: it listens on
 * 127.0.0.1 and connects to the application from {@code source} (e.g. 127.0.0.2, a client that is not a
 * trusted proxy). Bytes are passed on unchanged, push included.
 */
final class RelayFromAddress implements AutoCloseable {

    private final ServerSocket listener;

    RelayFromAddress(String source, int targetPort) {
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket browser = listener.accept();
                    Socket application = new Socket();
                    application.bind(new InetSocketAddress(source, 0));
                    application.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
                    pipe(browser, application);
                    pipe(application, browser);
                } catch (IOException closed) {
                    // the listener was closed, or one connection failed: the browser sees it as a network error
                }
            }
        });
    }

    int port() {
        return listener.getLocalPort();
    }

    private static void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ended) {
                // either side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        });
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
