package net.kbox.mail.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * The plain sockets of an attempt ({@code mail.smtp.socketFactory}): metered from the first byte, so that
 * the greeting and the EHLO before STARTTLS keep the limits too. Angus asks for an unconnected socket.
 */
final class MeteredSocketFactory extends SocketFactory {

    private final AttemptLimits limits;

    MeteredSocketFactory(AttemptLimits limits) {
        this.limits = limits;
    }

    @Override
    public Socket createSocket() {
        return new MeteredSocket(new Socket(), limits);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    /** Connects within the limits (the timeout, or less near the deadline). */
    private Socket connected(InetSocketAddress remote, @Nullable InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote, 0);
        return socket;
    }
}
