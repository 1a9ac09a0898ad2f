package net.kbox.oauth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A Google-like service account made at test time: an RSA key pair and the JSON key file Google Cloud
 * would give for it, its token_uri pointing to the test authorization server. Never checked in.
 */
public final class TestServiceAccount {

    private final String clientEmail;
    private final String privateKeyId;
    private final KeyPair keys;
    private final String tokenUri;

    private TestServiceAccount(String clientEmail, String privateKeyId, KeyPair keys, String tokenUri) {
        this.clientEmail = clientEmail;
        this.privateKeyId = privateKeyId;
        this.keys = keys;
        this.tokenUri = tokenUri;
    }

    public static TestServiceAccount create(String name, String tokenUri) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] id = new byte[20];
            RandomGenerator.getDefault().nextBytes(id);
            return new TestServiceAccount(name.toLowerCase(Locale.ROOT) + "@kbox-tests.iam.gserviceaccount.com",
                    HexFormat.of().formatHex(id), generator.generateKeyPair(), tokenUri);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String clientEmail() {
        return clientEmail;
    }

    RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    /** The base64 body of the private key, as it appears (line by line) in the key file: what must never leak. */
    public String privateKeyLine() {
        return Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()).substring(64, 128);
    }

    /** The JSON key file, as Google Cloud gives it. */
    public String json() {
        String body = Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
        var pem = new StringBuilder("-----BEGIN PRIVATE KEY-----\\n");
        for (int i = 0; i < body.length(); i += 64) {
            pem.append(body, i, Math.min(body.length(), i + 64)).append("\\n");
        }
        pem.append("-----END PRIVATE KEY-----\\n");
        return """
                {
                  "type": "service_account",
                  "project_id": "kbox-tests",
                  "private_key_id": "%s",
                  "private_key": "%s",
                  "client_email": "%s",
                  "client_id": "104912345678901234567",
                  "auth_uri": "https://accounts.google.com/o/oauth2/auth",
                  "token_uri": "%s",
                  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
                  "universe_domain": "googleapis.com"
                }
                """.formatted(privateKeyId, pem, clientEmail, tokenUri);
    }

    /** The key file written to {@code directory}, for KBOX_MAIL_OAUTH_SERVICE_ACCOUNT_KEY. */
    public Path writeTo(Path directory) {
        try {
            Path file = directory.resolve(clientEmail.substring(0, clientEmail.indexOf('@')) + ".json");
            Files.writeString(file, json());
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
