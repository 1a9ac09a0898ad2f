package net.kbox.mail.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import net.kbox.mail.diagnosis.TlsObservation;

/**
 * The only way Angus gets TLS sockets from us ({@code mail.smtp.ssl.socketFactory}), for STARTTLS and
 * implicit TLS alike. It turns on the host-name check itself (not relying on a property), notes in
 * the {@link TlsObservation} when the handshake starts, and lays TLS over a socket that keeps the
 * attempt's limits (for implicit TLS, Angus connects the plain socket itself). The handshake itself is left to Angus: starting
 * it twice would renegotiate TLS 1.2, which many servers refuse.
 */
final class RecordingSslSocketFactory extends SSLSocketFactory {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLSocketFactory delegate;
    private final TlsObservation observation;
    private final AttemptLimits limits;

    RecordingSslSocketFactory(SSLContext context, TlsObservation observation, AttemptLimits limits) {
        this.delegate = context.getSocketFactory();
        this.observation = observation;
        this.limits = limits;
    }

    @Override
    public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
        var socket = (SSLSocket) delegate.createSocket(limits.metered(plain), host, port, autoClose);
        SSLParameters parameters = socket.getSSLParameters();
        // the same host-name rules Angus applies with mail.smtp.ssl.checkserveridentity
        parameters.setEndpointIdentificationAlgorithm("LDAPS");
        parameters.setProtocols(Arrays.stream(PROTOCOLS)
                .filter(Arrays.asList(socket.getSupportedProtocols())::contains)
                .toArray(String[]::new));
        socket.setSSLParameters(parameters);
        // Angus starts the handshake right after this; the trust manager notes how it ends
        observation.started();
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return createSocket(new Socket(host, port), host, port, true);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(new Socket(host, port, localHost, localPort), host, port, true);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(new Socket(host, port), host.getHostName(), port, true);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(new Socket(address, port, localAddress, localPort), address.getHostName(), port, true);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
