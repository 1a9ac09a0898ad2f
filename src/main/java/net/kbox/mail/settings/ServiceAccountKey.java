package net.kbox.mail.settings;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.text.ParseException;
import java.util.Map;
import net.kbox.mail.settings.MailSettingsRules.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * The parts of a Google service account's JSON key file that sending needs. The private key never
 * leaves the server: {@link #toString()} leaves it out.
 *
 * @param clientEmail the service account, the issuer of the signed assertion
 * @param privateKeyId the key's ID (the assertion's {@code kid}), if the file has one
 * @param privateKey the RSA key in PEM (PKCS #8), as in the file
 * @param tokenUri Google's token endpoint, the assertion's audience
 */
public record ServiceAccountKey(String clientEmail, @Nullable String privateKeyId, String privateKey, String tokenUri) {

    /** A key, or what is wrong with the text given as one. */
    public record Parsed(@Nullable ServiceAccountKey key, @Nullable Problem problem) {
    }

    /** Reads the JSON key file's text; names the first thing missing or wrong. */
    public static Parsed parse(String json) {
        Map<String, Object> fields;
        try {
            fields = JSONObjectUtils.parse(json.strip());
        } catch (ParseException | RuntimeException e) {
            return problem(Problem.KEY_NOT_JSON);
        }
        if (!"service_account".equals(fields.get("type"))) {
            return problem(Problem.KEY_NOT_SERVICE_ACCOUNT);
        }
        String clientEmail = text(fields, "client_email");
        String privateKey = text(fields, "private_key");
        String tokenUri = text(fields, "token_uri");
        if (clientEmail == null) {
            return problem(Problem.KEY_WITHOUT_CLIENT_EMAIL);
        }
        if (privateKey == null) {
            return problem(Problem.KEY_WITHOUT_PRIVATE_KEY);
        }
        if (tokenUri == null) {
            return problem(Problem.KEY_WITHOUT_TOKEN_URI);
        }
        if (MailSettingsRules.checkTokenUrl(tokenUri).isPresent()) {
            return problem(Problem.KEY_TOKEN_URI_NOT_HTTPS);
        }
        var key = new ServiceAccountKey(clientEmail, text(fields, "private_key_id"), privateKey, URI.create(tokenUri).toString());
        try {
            key.rsaPrivateKey();
        } catch (RuntimeException e) {
            return problem(Problem.KEY_PRIVATE_KEY_UNREADABLE);
        }
        return new Parsed(key, null);
    }

    /** What is wrong with a key, in English, for start-up messages (the Mail page has translated ones). */
    static String explain(Problem problem) {
        return switch (problem) {
            case KEY_NOT_JSON -> "it is not JSON";
            case KEY_NOT_SERVICE_ACCOUNT -> "its \"type\" is not \"service_account\"";
            case KEY_WITHOUT_CLIENT_EMAIL -> "it has no \"client_email\"";
            case KEY_WITHOUT_PRIVATE_KEY -> "it has no \"private_key\"";
            case KEY_WITHOUT_TOKEN_URI -> "it has no \"token_uri\"";
            case KEY_TOKEN_URI_NOT_HTTPS -> "its \"token_uri\" is not an https:// URL";
            case KEY_PRIVATE_KEY_UNREADABLE -> "its \"private_key\" is not an RSA key in PEM (PKCS #8)";
            default -> problem.name();
        };
    }

    /** The private key, ready to sign. */
    public RSAPrivateKey rsaPrivateKey() {
        return RsaKeyConverters.pkcs8().convert(new ByteArrayInputStream(privateKey.getBytes(StandardCharsets.US_ASCII)));
    }

    private static Parsed problem(Problem problem) {
        return new Parsed(null, problem);
    }

    private static @Nullable String text(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof String value && !value.isBlank() ? value.strip() : null;
    }

    @Override
    public String toString() {
        return "ServiceAccountKey[clientEmail=" + clientEmail + ", privateKeyId=" + privateKeyId
                + ", privateKey=***, tokenUri=" + tokenUri + "]";
    }
}
