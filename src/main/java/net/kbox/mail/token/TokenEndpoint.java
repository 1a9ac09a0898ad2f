package net.kbox.mail.token;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import net.kbox.mail.diagnosis.TokenFailure;
import net.kbox.mail.settings.MailAuthentication;
import net.kbox.mail.settings.OAuthSettings;
import net.kbox.mail.settings.ServiceAccountKey;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.JwtBearerGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientJwtBearerTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One token request, made with Spring Security's OAuth 2.0 client over the JDK's HTTP client: HTTPS only,
 * the certificate and host name checked against the same authorities as SMTP, no redirects followed, and
 * every wait (connect, TLS, the whole answer) bounded by the mail timeout.
 */
final class TokenEndpoint {

    /** What the endpoint answered: the token, how long it is valid, and the HTTP status (for the diagnosis). */
    record Issued(String value, Duration lifetime, int status) {

        @Override
        public String toString() {
            return "Issued[value=***, lifetime=" + lifetime + ", status=" + status + "]";
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    TokenEndpoint(SSLContext trust, Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder().sslContext(trust).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Asks {@code oauth}'s token endpoint for an access token for {@code user}. */
    Issued request(OAuthSettings oauth, String user) throws TokenFailure {
        String endpoint = String.valueOf(oauth.tokenEndpoint());
        if (!"https".equalsIgnoreCase(URI.create(endpoint).getScheme())) {
            throw new TokenFailure(endpoint, null, null, "the token URL must start with https://", null);
        }
        var status = new AtomicReference<@Nullable Integer>();
        RestClient rest = restClient(status);
        try {
            OAuth2AccessTokenResponse response = oauth.method() == MailAuthentication.GOOGLE
                    ? jwtBearer(rest, requireKey(oauth), user, endpoint)
                    : clientCredentials(rest, oauth, endpoint);
            var token = response.getAccessToken();
            Duration lifetime = token.getIssuedAt() == null || token.getExpiresAt() == null ? Duration.ZERO
                    : Duration.between(token.getIssuedAt(), token.getExpiresAt());
            return new Issued(token.getTokenValue(), lifetime, status.get() == null ? 200 : status.get());
        } catch (OAuth2AuthorizationException e) {
            OAuth2Error error = e.getError();
            boolean answered = status.get() != null && !"invalid_token_response".equals(error.getErrorCode());
            throw new TokenFailure(endpoint, status.get(), answered ? error.getErrorCode() : null,
                    answered ? error.getDescription() : null, e.getCause() instanceof Exception cause ? cause : e);
        } catch (EndpointAnswer answer) {
            throw new TokenFailure(endpoint, answer.status, answer.error == null ? null : answer.error.getErrorCode(),
                    answer.error == null ? null : answer.error.getDescription(), null);
        } catch (RestClientException | IllegalArgumentException e) {
            throw new TokenFailure(endpoint, status.get(), null, null, e);
        }
    }

    private OAuth2AccessTokenResponse clientCredentials(RestClient rest, OAuthSettings oauth, String endpoint) {
        var client = new RestClientClientCredentialsTokenResponseClient();
        client.setRestClient(rest);
        var registration = ClientRegistration.withRegistrationId("kbox-mail")
                .clientId(String.valueOf(oauth.clientId()))
                .clientSecret(oauth.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(StringUtils.tokenizeToStringArray(oauth.requestedScope() == null ? "" : oauth.requestedScope(), " "))
                .tokenUri(endpoint)
                .build();
        return client.getTokenResponse(new OAuth2ClientCredentialsGrantRequest(registration));
    }

    private OAuth2AccessTokenResponse jwtBearer(RestClient rest, ServiceAccountKey key, String user, String endpoint) {
        var client = new RestClientJwtBearerTokenResponseClient();
        client.setRestClient(rest);
        // the assertion is the whole authentication: Google wants no client_id beside it
        client.setParametersCustomizer(parameters -> parameters.remove(OAuth2ParameterNames.CLIENT_ID));
        var registration = ClientRegistration.withRegistrationId("kbox-mail")
                .clientId(key.clientEmail())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.JWT_BEARER)
                .tokenUri(endpoint)
                .build();
        return client.getTokenResponse(new JwtBearerGrantRequest(registration, GoogleAssertion.sign(key, user,
                clock.instant())));
    }

    private RestClient restClient(AtomicReference<@Nullable Integer> status) {
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(timeout);
        return RestClient.builder()
                .requestFactory(requests)
                .configureMessageConverters(converters -> {
                    converters.addCustomConverter(new FormHttpMessageConverter());
                    converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .requestInterceptor((request, body, execution) -> {
                    var response = execution.execute(request, body);
                    status.set(response.getStatusCode().value());
                    return response;
                })
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw new EndpointAnswer(response.getStatusCode().value(), error(response));
                })
                .build();
    }

    /** The OAuth 2.0 error in the body, if the body is one (a proxy's HTML page is not). */
    private static @Nullable OAuth2Error error(org.springframework.http.client.ClientHttpResponse response) {
        try {
            return new OAuth2ErrorHttpMessageConverter().read(OAuth2Error.class, response);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static ServiceAccountKey requireKey(OAuthSettings oauth) {
        if (oauth.serviceAccountKey() == null) {
            throw new IllegalArgumentException("no service account key");
        }
        return oauth.serviceAccountKey();
    }

    /** An error status from the endpoint: passes Spring's client unchanged, so that its status is kept. */
    private static final class EndpointAnswer extends RuntimeException {

        private final int status;
        private final transient @Nullable OAuth2Error error;

        EndpointAnswer(int status, @Nullable OAuth2Error error) {
            super("HTTP " + status, null, false, false);
            this.status = status;
            this.error = error;
        }
    }
}
