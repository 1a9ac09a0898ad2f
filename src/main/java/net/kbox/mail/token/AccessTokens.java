package net.kbox.mail.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import net.kbox.mail.diagnosis.Diagnosis;
import net.kbox.mail.diagnosis.DiagnosisStep.Step;
import net.kbox.mail.diagnosis.MailErrorTranslator;
import net.kbox.mail.diagnosis.TokenFailure;
import net.kbox.mail.settings.EffectiveMailSettings;
import net.kbox.mail.settings.MailAuthentication;
import net.kbox.mail.settings.OAuthSettings;
import org.jspecify.annotations.Nullable;

/**
 * The access tokens of the XOAUTH2 login, shared by the test e-mail and the outbox: one is kept in memory
 * until {@value #EARLY_SECONDS} s before it expires, for the settings it was obtained with; other settings
 * (any change of method, endpoint, client, secret, key, scope or user) get a new one and the old one is
 * dropped. A token the server refused is dropped at once. Each instance keeps its own.
 */
public final class AccessTokens {

    static final long EARLY_SECONDS = 60;

    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final TokenMetrics metrics;
    private @Nullable Kept kept;

    public AccessTokens(SSLContext trust, Duration timeout, Clock clock, TokenMetrics metrics) {
        this.endpoint = new TokenEndpoint(trust, timeout, clock);
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A token to log in with, and whether it came from the cache (a refusal of a cached one is worth a retry). */
    public record Token(String value, boolean cached) {

        @Override
        public String toString() {
            return "Token[value=***, cached=" + cached + "]";
        }
    }

    /**
     * A token for {@code settings}, cached or new; the step "OAuth 2.0 token" goes into the diagnosis
     * (endpoint, grant, HTTP status, error, lifetime; never the token, the secret or the assertion).
     */
    public Token token(EffectiveMailSettings settings, Diagnosis diagnosis) throws TokenFailure {
        return token(settings, diagnosis, "");
    }

    /** As {@link #token(EffectiveMailSettings, Diagnosis)}, saying in the diagnosis why a new token was asked for. */
    public Token token(EffectiveMailSettings settings, Diagnosis diagnosis, String why) throws TokenFailure {
        OAuthSettings oauth = settings.oauth();
        String user = String.valueOf(settings.username());
        String key = keyOf(oauth, user);
        String endpointUrl = String.valueOf(oauth.tokenEndpoint());
        String grant = oauth.method() == MailAuthentication.GOOGLE ? "JWT bearer (RFC 7523) as " + user
                : "client credentials";
        long start = System.nanoTime();
        Kept current = current(key);
        if (current != null) {
            diagnosis.secret(current.value);
            diagnosis.measured(Step.TOKEN, start, true, endpointUrl + ", " + grant + ": kept from an earlier request, valid for "
                    + MailErrorTranslator.seconds(Duration.between(clock.instant(), current.expiresAt).withNanos(0)) + " more");
            return new Token(current.value, true);
        }
        try {
            TokenEndpoint.Issued issued = endpoint.request(oauth, user);
            metrics.requested(oauth.method(), true, !why.isEmpty());
            diagnosis.secret(issued.value());
            keep(key, issued);
            diagnosis.measured(Step.TOKEN, start, true, why + "POST " + endpointUrl + ", " + grant + ": HTTP "
                    + issued.status() + ", access token valid for " + MailErrorTranslator.seconds(issued.lifetime()));
            return new Token(issued.value(), false);
        } catch (TokenFailure failure) {
            metrics.requested(oauth.method(), false, !why.isEmpty());
            diagnosis.measured(Step.TOKEN, start, false, "POST " + endpointUrl + ", " + grant + ": "
                    + (failure.status() == null ? "no answer" : "HTTP " + failure.status())
                    + (failure.errorCode() == null ? "" : ", " + failure.errorCode())
                    + (failure.description() == null ? "" : ": " + oneLine(failure.description())));
            throw failure;
        }
    }

    /** The server refused {@code token}: it is never handed out again. */
    public synchronized void refused(Token token) {
        if (kept != null && kept.value.equals(token.value())) {
            kept = null;
        }
    }

    private synchronized @Nullable Kept current(String key) {
        Kept current = kept;
        if (current == null || !current.key.equals(key)) {
            kept = null; // other settings now: the old token goes
            return null;
        }
        return clock.instant().isBefore(current.expiresAt.minusSeconds(EARLY_SECONDS)) ? current : null;
    }

    private synchronized void keep(String key, TokenEndpoint.Issued issued) {
        kept = new Kept(key, issued.value(), clock.instant().plus(issued.lifetime()));
    }

    /** What a token was obtained with; secrets only as a digest. */
    private static String keyOf(OAuthSettings oauth, String user) {
        String secret = oauth.method() == MailAuthentication.GOOGLE
                ? (oauth.serviceAccountKey() == null ? "" : oauth.serviceAccountKey().privateKey())
                : String.valueOf(oauth.clientSecret());
        return String.join("\n", oauth.method().name(), String.valueOf(oauth.tokenEndpoint()), String.valueOf(oauth.client()),
                String.valueOf(oauth.requestedScope()), user, digest(secret));
    }

    private static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 299) + "…";
    }

    private record Kept(String key, String value, Instant expiresAt) {

        @Override
        public String toString() {
            return "Kept[value=***, expiresAt=" + expiresAt + "]";
        }
    }
}
