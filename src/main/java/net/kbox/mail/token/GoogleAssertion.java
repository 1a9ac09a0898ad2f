package net.kbox.mail.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.kbox.mail.settings.MailAuthentication;
import net.kbox.mail.settings.ServiceAccountKey;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The assertion of the JWT bearer grant (RFC 7523) that Google's token endpoint takes from a service
 * account: signed RS256 with its key (Nimbus, through Spring Security's encoder), issued by the service
 * account for the Workspace user it sends as, for the scope https://mail.google.com/.
 */
final class GoogleAssertion {

    /** Google accepts assertions of at most an hour. */
    static final Duration LIFETIME = Duration.ofHours(1);

    private GoogleAssertion() {
    }

    static Jwt sign(ServiceAccountKey key, String user, Instant now) {
        var privateKey = (RSAPrivateCrtKey) key.rsaPrivateKey();
        var encoder = NimbusJwtEncoder.withKeyPair(publicKeyOf(privateKey), privateKey)
                .jwkPostProcessor(jwk -> jwk.keyID(key.privateKeyId()))
                .build();
        var header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT");
        if (key.privateKeyId() != null) {
            header.keyId(key.privateKeyId());
        }
        var claims = JwtClaimsSet.builder()
                .issuer(key.clientEmail())
                .subject(user)
                .audience(List.of(key.tokenUri()))
                .claim("scope", MailAuthentication.GOOGLE_SCOPE)
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .build();
        return encoder.encode(JwtEncoderParameters.from(header.build(), claims));
    }

    private static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }
}
