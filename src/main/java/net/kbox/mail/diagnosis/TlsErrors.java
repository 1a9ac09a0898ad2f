package net.kbox.mail.diagnosis;

import static net.kbox.mail.diagnosis.FailureChain.describe;
import static net.kbox.mail.diagnosis.FailureChain.find;
import static net.kbox.mail.diagnosis.FailureChain.messageContaining;

import java.net.SocketTimeoutException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.diagnosis.MailErrorTranslator.Context;
import net.kbox.mail.settings.MailDeploymentProperties;
import net.kbox.mail.settings.MailEncryption;
import org.jspecify.annotations.Nullable;

/**
 * Failures to encrypt: STARTTLS not offered, a certificate for another host, expired or not trusted
 * (described by what the handshake showed), a port that does not speak TLS, any other handshake failure.
 */
final class TlsErrors {

    private TlsErrors() {
    }

    static @Nullable MailError handshake(Throwable failure, Context context) {
        X509Certificate leaf = context.tls().leaf();
        CertificateException certificate = find(failure, CertificateException.class);
        String identity = messageContaining(failure, "subject alternative");
        if (identity == null) {
            identity = messageContaining(failure, "No name matching");
        }
        if (identity != null) {
            String names = leaf == null ? "another host" : String.join(", ", TlsObservation.namesOf(leaf));
            return MailError.of(Kind.WRONG_HOST_CERTIFICATE, "The certificate is for " + names + ", not "
                    + context.host() + ": enter the host name the certificate is for");
        }
        CertificateExpiredException expired = find(failure, CertificateExpiredException.class);
        if (expired != null) {
            return MailError.of(Kind.UNTRUSTED_CERTIFICATE, "The server's certificate has expired"
                    + (leaf == null ? "" : " (on " + TlsObservation.expiry(leaf) + ")")
                    + ": ask your provider to renew it");
        }
        if (certificate != null || find(failure, CertPathValidatorException.class) != null
                || messageContaining(failure, "PKIX path") != null) {
            String about = leaf == null ? ""
                    : " (issued by " + TlsObservation.issuer(leaf) + ", expires " + TlsObservation.expiry(leaf) + ")";
            return MailError.of(Kind.UNTRUSTED_CERTIFICATE, "The server's certificate is not trusted" + about
                    + ": use the server's official host name, or add its certificate authority to "
                    + MailDeploymentProperties.CA_CERTIFICATES_VARIABLE);
        }
        SSLException ssl = find(failure, SSLException.class);
        if (ssl == null) {
            return null;
        }
        if (messageContaining(failure, "Unsupported or unrecognized SSL message") != null
                || messageContaining(failure, "plaintext connection") != null) {
            return context.encryption() == MailEncryption.TLS
                    ? MailError.of(Kind.NOT_TLS, "Port " + context.port() + " does not speak SSL/TLS: choose STARTTLS")
                    : MailError.of(Kind.TLS_FAILED,
                            "The server answered STARTTLS but then did not speak TLS: ask your provider");
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return null; // a mute server during the handshake: reported as a timeout
        }
        return MailError.of(Kind.TLS_FAILED, "The TLS handshake with " + context.host() + " failed (" + describe(ssl)
                + "): check Encryption, or ask your provider which TLS versions the server supports");
    }

    /** Angus refuses to go on unencrypted when the server does not offer STARTTLS. */
    static @Nullable MailError starttlsMissing(Throwable failure, Context context) {
        return messageContaining(failure, "does not support STARTTLS") == null ? null
                : MailError.of(Kind.NO_STARTTLS,
                        "The server does not offer STARTTLS: choose SSL/TLS (port 465) or ask your provider for TLS");
    }
}
