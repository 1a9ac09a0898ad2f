package net.kbox.mail.diagnosis;

import jakarta.mail.MessagingException;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The token endpoint gave no access token: what it answered (HTTP status, OAuth 2.0 error code and
 * description), or the network failure as the cause. Never holds the client secret, the assertion or a token.
 */
public final class TokenFailure extends MessagingException {

    private final String endpoint;
    private final @Nullable Integer status;
    private final @Nullable String errorCode;
    private final @Nullable String description;

    public TokenFailure(String endpoint, @Nullable Integer status, @Nullable String errorCode,
            @Nullable String description, @Nullable Exception cause) {
        super("The token request to " + endpoint + " failed" + (status == null ? "" : ": HTTP " + status)
                + (errorCode == null ? "" : ", " + errorCode) + (description == null ? "" : " (" + description + ")"), cause);
        this.endpoint = endpoint;
        this.status = status;
        this.errorCode = errorCode;
        this.description = description;
    }

    public String endpoint() {
        return endpoint;
    }

    /** The host of the token endpoint, for sentences ("login.microsoftonline.com"). */
    String endpointHost() {
        try {
            String host = URI.create(endpoint).getHost();
            return host == null ? endpoint : host;
        } catch (IllegalArgumentException e) {
            return endpoint;
        }
    }

    public @Nullable Integer status() {
        return status;
    }

    public @Nullable String errorCode() {
        return errorCode;
    }

    public @Nullable String description() {
        return description;
    }
}
