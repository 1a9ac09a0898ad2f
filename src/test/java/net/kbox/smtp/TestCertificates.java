package net.kbox.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made at test time, never checked in: a test CA (its PEM bundle is what
 * {@code KBOX_MAIL_CA_CERTIFICATES} points to), server certificates signed by it, and a self-signed CA
 * nobody trusts. One set per JVM, because GreenMail reads its key store once per JVM.
 */
public final class TestCertificates {

    /** Which certificate a test server presents. */
    public enum Identity {
        /** For {@code localhost} and {@code 127.0.0.1}, signed by the test CA. */
        LOCALHOST,
        /** For {@code mail.other.test} only, signed by the test CA. */
        OTHER_HOST,
        /** For {@code localhost} and {@code 127.0.0.1}, signed by a CA that is not in the bundle. */
        UNTRUSTED
    }

    public static final String CA_NAME = "CN=K-Box Test CA,O=K-Box Mail tests";
    public static final String UNTRUSTED_CA_NAME = "CN=Untrusted Test CA,O=Nobody";
    public static final String OTHER_HOST = "mail.other.test";
    /** Password of the PKCS12 key stores (and of their keys). */
    public static final String KEY_STORE_PASSWORD = "test-keystore";

    private static final TestCertificates INSTANCE = create();

    private final X509Certificate ca;
    private final Map<Identity, KeyStore> keyStores;
    private final Path directory;

    private TestCertificates(X509Certificate ca, Map<Identity, KeyStore> keyStores, Path directory) {
        this.ca = ca;
        this.keyStores = keyStores;
        this.directory = directory;
    }

    public static TestCertificates get() {
        return INSTANCE;
    }

    public X509Certificate ca() {
        return ca;
    }

    /** A PEM file with the test CA only: the value for {@code KBOX_MAIL_CA_CERTIFICATES}. */
    public Path caBundle() {
        return directory.resolve("test-ca.pem");
    }

    public KeyStore keyStore(Identity identity) {
        return keyStores.get(identity);
    }

    /** The key store as a PKCS12 file, password {@link #KEY_STORE_PASSWORD}. */
    public Path keyStoreFile(Identity identity) {
        return directory.resolve(identity.name().toLowerCase(java.util.Locale.ROOT) + ".p12");
    }

    /** A server-side TLS context presenting the identity's certificate. */
    public SSLContext serverContext(Identity identity) {
        try {
            var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore(identity), KEY_STORE_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestCertificates create() {
        try {
            Instant now = Instant.now();
            KeyPair caKeys = keyPair();
            X509Certificate ca = authority(CA_NAME, caKeys, now);
            KeyPair untrustedKeys = keyPair();
            X509Certificate untrusted = authority(UNTRUSTED_CA_NAME, untrustedKeys, now);

            Path directory = Files.createTempDirectory("kbox-test-certificates");
            directory.toFile().deleteOnExit();
            var keyStores = new EnumMap<Identity, KeyStore>(Identity.class);
            keyStores.put(Identity.LOCALHOST, server(ca, caKeys, now, "localhost", "localhost", "127.0.0.1"));
            keyStores.put(Identity.OTHER_HOST, server(ca, caKeys, now, OTHER_HOST, OTHER_HOST));
            keyStores.put(Identity.UNTRUSTED, server(untrusted, untrustedKeys, now, "localhost", "localhost",
                    "127.0.0.1"));
            var certificates = new TestCertificates(ca, keyStores, directory);
            writePem(certificates.caBundle(), ca);
            for (var entry : keyStores.entrySet()) {
                Path file = certificates.keyStoreFile(entry.getKey());
                try (OutputStream out = Files.newOutputStream(file)) {
                    entry.getValue().store(out, KEY_STORE_PASSWORD.toCharArray());
                }
                file.toFile().deleteOnExit();
            }
            return certificates;
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot create the test certificates", e);
        }
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static X509Certificate authority(String name, KeyPair keys, Instant now)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        var subject = x500(name);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(730))), subject,
                keys.getPublic());
        var extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()));
        return sign(builder, keys);
    }

    private static KeyStore server(X509Certificate issuer, KeyPair issuerKeys, Instant now, String commonName,
            String... names) throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair keys = keyPair();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                x500("CN=" + commonName), keys.getPublic());
        var extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensions.createAuthorityKeyIdentifier(issuer));
        GeneralName[] alternatives = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            alternatives[i] = names[i].matches("[0-9.]+")
                    ? new GeneralName(GeneralName.iPAddress, names[i])
                    : new GeneralName(GeneralName.dNSName, names[i]);
        }
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
        X509Certificate certificate = sign(builder, issuerKeys);

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", keys.getPrivate(), KEY_STORE_PASSWORD.toCharArray(),
                new X509Certificate[] {certificate, issuer});
        return store;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException, OperatorCreationException {
        var signerInfo = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signerInfo));
    }

    /** Keeps the RDN order as written (Bouncy Castle's own parser would reverse it). */
    private static X500Name x500(String name) {
        return X500Name.getInstance(new javax.security.auth.x500.X500Principal(name).getEncoded());
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }

    private static void writePem(Path file, X509Certificate certificate) {
        try {
            var text = new StringWriter();
            try (var pem = new JcaPEMWriter(text)) {
                pem.writeObject(certificate);
            }
            Files.writeString(file, text.toString());
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
