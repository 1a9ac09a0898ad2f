package net.kbox.mail.diagnosis;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;

/** What one connection's TLS handshake showed: the presented chain, protocol, cipher, timing, failure. */
public final class TlsObservation {

    private volatile X509Certificate @Nullable [] chain;
    private volatile @Nullable String protocol;
    private volatile @Nullable String cipherSuite;
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile @Nullable Exception failure;

    public void started() {
        startNanos = System.nanoTime();
    }

    public void presented(X509Certificate[] chain, @Nullable String protocol, @Nullable String cipherSuite) {
        this.chain = chain.clone();
        this.protocol = protocol;
        this.cipherSuite = cipherSuite;
    }

    public void completed(@Nullable String protocol, @Nullable String cipherSuite) {
        if (protocol != null) {
            this.protocol = protocol;
        }
        if (cipherSuite != null) {
            this.cipherSuite = cipherSuite;
        }
        endNanos = System.nanoTime();
    }

    public void failed(Exception failure) {
        this.failure = failure;
        endNanos = System.nanoTime();
    }

    boolean attempted() {
        return startNanos != 0;
    }

    public boolean succeeded() {
        return endNanos != 0 && failure == null;
    }

    long startNanos() {
        return startNanos;
    }

    long endNanos() {
        return endNanos;
    }

    public @Nullable X509Certificate leaf() {
        X509Certificate[] presented = chain;
        return presented == null || presented.length == 0 ? null : presented[0];
    }

    /** Protocol, cipher and the leaf certificate, in one line. */
    String describe() {
        var parts = new ArrayList<String>();
        if (protocol != null && !"NONE".equals(protocol)) {
            parts.add(protocol);
        }
        if (cipherSuite != null && !cipherSuite.startsWith("SSL_NULL")) {
            parts.add(cipherSuite);
        }
        X509Certificate leaf = leaf();
        if (leaf != null) {
            parts.add("certificate " + leaf.getSubjectX500Principal().getName(X500Principal.RFC2253));
            List<String> names = subjectAlternativeNames(leaf);
            if (!names.isEmpty()) {
                parts.add("for " + String.join(", ", names));
            }
            parts.add("issued by " + issuer(leaf));
            parts.add("expires " + expiry(leaf));
        }
        return String.join(", ", parts);
    }

    static String issuer(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().getName(X500Principal.RFC2253);
    }

    static String expiry(X509Certificate certificate) {
        return certificate.getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** The DNS names and IP addresses the certificate is for; its CN when it has no alternative names. */
    static List<String> namesOf(X509Certificate certificate) {
        List<String> names = subjectAlternativeNames(certificate);
        if (!names.isEmpty()) {
            return names;
        }
        try {
            var cns = new ArrayList<String>();
            for (var rdn : new LdapName(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253)).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    cns.add(String.valueOf(rdn.getValue()));
                }
            }
            return cns;
        } catch (InvalidNameException e) {
            return List.of();
        }
    }

    private static List<String> subjectAlternativeNames(X509Certificate certificate) {
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries == null) {
                return List.of();
            }
            var names = new ArrayList<String>();
            for (List<?> entry : entries) {
                int type = (Integer) entry.get(0);
                if (type == 2 || type == 7) { // dNSName, iPAddress
                    names.add(String.valueOf(entry.get(1)));
                }
            }
            return names;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
