package net.kbox.mail.transport;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import net.kbox.mail.diagnosis.TlsObservation;

/**
 * Judges like the PKIX trust manager it wraps (chain and host name), and first notes the chain the
 * server presented: an untrusted or wrong-host certificate can then be described to the administrator.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager delegate;
    private final TlsObservation observation;

    RecordingTrustManager(X509ExtendedTrustManager delegate, TlsObservation observation) {
        this.delegate = delegate;
        this.observation = observation;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        SSLSession handshake = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
        observation.presented(chain, handshake == null ? null : handshake.getProtocol(),
                handshake == null ? null : handshake.getCipherSuite());
        judged(() -> delegate.checkServerTrusted(chain, authType, socket));
        observation.completed(handshake == null ? null : handshake.getProtocol(),
                handshake == null ? null : handshake.getCipherSuite());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        observation.presented(chain, null, null);
        judged(() -> delegate.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        observation.presented(chain, null, null);
        judged(() -> delegate.checkServerTrusted(chain, authType));
    }

    private interface Check {
        void run() throws CertificateException;
    }

    private void judged(Check check) throws CertificateException {
        try {
            check.run();
        } catch (CertificateException | RuntimeException e) {
            observation.failed(e);
            throw e;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
