package net.kbox.mail.token;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.kbox.mail.settings.MailAuthentication;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The access tokens asked of the token endpoint, for operators (Micrometer; {@code /actuator/prometheus}):
 * {@value #NAME} by provider ({@code microsoft365}, {@code google}, {@code oauth2}), outcome ({@code issued},
 * {@code failed}) and reason ({@code needed}: none kept, expired or other settings; {@code refused}: the SMTP
 * server refused the kept one). Tokens handed out from the cache are not requests and are not counted.
 */
@Component
public final class TokenMetrics {

    static final String NAME = "kbox.mail.oauth.token.requests";

    private final @Nullable MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @Autowired
    public TokenMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private TokenMetrics() {
        this.registry = null;
    }

    /** Counts nothing: for a transport made outside the application. */
    public static TokenMetrics none() {
        return new TokenMetrics();
    }

    void requested(MailAuthentication method, boolean issued, boolean afterRefusal) {
        MeterRegistry meters = registry;
        if (meters == null) {
            return;
        }
        String provider = method.configValue();
        String outcome = issued ? "issued" : "failed";
        String reason = afterRefusal ? "refused" : "needed";
        counters.computeIfAbsent(provider + ' ' + outcome + ' ' + reason, key -> Counter.builder(NAME)
                .tag("provider", provider).tag("outcome", outcome).tag("reason", reason)
                .description("Access tokens asked of the OAuth 2.0 token endpoint").register(meters)).increment();
    }
}
