package net.kbox.mail.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import net.kbox.mail.diagnosis.TlsObservation;
import net.kbox.mail.settings.MailDeploymentProperties;
import org.jspecify.annotations.Nullable;

/**
 * The certificate authorities an SMTP server's certificate must chain to: the JVM's trust store plus
 * the PEM bundle named by {@code KBOX_MAIL_CA_CERTIFICATES}. There is deliberately no way to trust all.
 */
final class TrustedCertificates {

    static final String VARIABLE = MailDeploymentProperties.CA_CERTIFICATES_VARIABLE;

    private final X509ExtendedTrustManager trustManager;

    private TrustedCertificates(X509ExtendedTrustManager trustManager) {
        this.trustManager = trustManager;
    }

    /** Fails with a message naming {@value #VARIABLE} when the bundle cannot be used. */
    static TrustedCertificates load(@Nullable Path pemBundle) {
        List<X509Certificate> extra = pemBundle == null ? List.of() : readBundle(pemBundle);
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            X509Certificate[] jvmAnchors = jvmTrustManager().getAcceptedIssuers();
            for (int i = 0; i < jvmAnchors.length; i++) {
                anchors.setCertificateEntry("jvm-" + i, jvmAnchors[i]);
            }
            for (int i = 0; i < extra.size(); i++) {
                anchors.setCertificateEntry("extra-" + i, extra.get(i));
            }
            var factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(anchors);
            return new TrustedCertificates(extendedTrustManager(factory.getTrustManagers()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot set up the trusted certificate authorities: " + e.getMessage(), e);
        }
    }

    /** A context that judges by these authorities, for connections whose handshake is not diagnosed (the token endpoint). */
    SSLContext context() {
        return contextTrusting(trustManager);
    }

    /** A context whose trust manager writes the presented chain into {@code observation} before judging it. */
    SSLContext contextObservedBy(TlsObservation observation) {
        return contextTrusting(new RecordingTrustManager(trustManager, observation));
    }

    private static SSLContext contextTrusting(TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    private static List<X509Certificate> readBundle(Path pemBundle) {
        try (InputStream in = Files.newInputStream(pemBundle)) {
            var certificates = new ArrayList<X509Certificate>();
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalStateException(VARIABLE + " names " + pemBundle
                        + ", which holds no PEM certificate: give a file of -----BEGIN CERTIFICATE----- blocks");
            }
            return certificates;
        } catch (IOException e) {
            throw new IllegalStateException(VARIABLE + " names " + pemBundle + ", which cannot be read ("
                    + e.getClass().getSimpleName() + "): check the path and the file's permissions", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(VARIABLE + " names " + pemBundle
                    + ", which is not a valid PEM certificate bundle: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager jvmTrustManager() throws GeneralSecurityException {
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("The JVM has no X.509 trust manager");
    }

    private static X509ExtendedTrustManager extendedTrustManager(TrustManager[] managers)
            throws GeneralSecurityException {
        for (TrustManager manager : managers) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("PKIX offers no extended X.509 trust manager");
    }
}
