package net.kbox.oauth;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The JWT bearer authorization grant of RFC 7523 §2.1, as Google's token endpoint takes it from a
 * service account: no client authentication beside the assertion, which is signed with the service
 * account's key, issued by it ({@code iss}), for the user it acts as ({@code sub}), with the scope in a
 * claim. Spring Authorization Server has no such grant: these four parts plug it into its client
 * authentication and its token endpoint, the way its own grants are built.
 */
final class JwtBearerGrant {

    static final ClientAuthenticationMethod ASSERTION = new ClientAuthenticationMethod("jwt_bearer_grant_assertion");

    private JwtBearerGrant() {
    }

    /** The assertion names its client in {@code iss}; who it is, the provider checks. */
    static final class ClientConverter implements AuthenticationConverter {

        @Override
        public @Nullable Authentication convert(HttpServletRequest request) {
            String assertion = request.getParameter(OAuth2ParameterNames.ASSERTION);
            if (!AuthorizationGrantType.JWT_BEARER.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
                    || assertion == null || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null) {
                return null;
            }
            try {
                String issuer = SignedJWT.parse(assertion).getJWTClaimsSet().getIssuer();
                return issuer == null ? null : new OAuth2ClientAuthenticationToken(issuer, ASSERTION, assertion, null);
            } catch (ParseException e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_grant", "The assertion is not a JWT", null));
            }
        }
    }

    /**
     * Verifies the assertion like Google: signed by the client's key, for this token endpoint, not expired,
     * with the scope, for a user the client was delegated; the decoded assertion becomes the credentials.
     */
    static final class ClientProvider implements AuthenticationProvider {

        private final RegisteredClientRepository clients;
        private final Map<String, RSAPublicKey> keys;
        private final Function<String, Set<String>> delegatedUsers;
        private final Supplier<String> tokenEndpoint;

        ClientProvider(RegisteredClientRepository clients, Map<String, RSAPublicKey> keys,
                Function<String, Set<String>> delegatedUsers, Supplier<String> tokenEndpoint) {
            this.clients = clients;
            this.keys = keys;
            this.delegatedUsers = delegatedUsers;
            this.tokenEndpoint = tokenEndpoint;
        }

        @Override
        public @Nullable Authentication authenticate(Authentication authentication) {
            var request = (OAuth2ClientAuthenticationToken) authentication;
            if (!ASSERTION.equals(request.getClientAuthenticationMethod())) {
                return null;
            }
            String clientId = String.valueOf(request.getPrincipal());
            RegisteredClient client = clients.findByClientId(clientId);
            RSAPublicKey key = keys.get(clientId);
            if (client == null || key == null) {
                throw error("invalid_client", "The OAuth client was not found.");
            }
            Jwt assertion;
            try {
                assertion = NimbusJwtDecoder.withPublicKey(key).build().decode(String.valueOf(request.getCredentials()));
            } catch (JwtException e) {
                throw error("invalid_grant", "Invalid JWT Signature.");
            }
            if (assertion.getAudience() == null || !assertion.getAudience().contains(tokenEndpoint.get())) {
                throw error("invalid_grant", "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.");
            }
            String scope = assertion.getClaimAsString("scope");
            String user = assertion.getSubject();
            if (scope == null || !client.getScopes().containsAll(List.of(scope.split(" ")))
                    || user == null || !delegatedUsers.apply(clientId).contains(user)) {
                throw error("unauthorized_client",
                        "Client is unauthorized to retrieve access tokens using this method, or client not authorized "
                                + "for any of the scopes requested.");
            }
            return new OAuth2ClientAuthenticationToken(client, ASSERTION, assertion);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }

    /** The token request of the grant, for the token endpoint. */
    static final class Request extends OAuth2AuthorizationGrantAuthenticationToken {

        Request(Authentication client) {
            super(AuthorizationGrantType.JWT_BEARER, client, null);
        }
    }

    static final class RequestConverter implements AuthenticationConverter {

        @Override
        public @Nullable Authentication convert(HttpServletRequest request) {
            return AuthorizationGrantType.JWT_BEARER.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
                    ? new Request(SecurityContextHolder.getContext().getAuthentication()) : null;
        }
    }

    /** Issues an access token to the user the verified assertion names, with its scope, and keeps it (introspection). */
    static final class TokenProvider implements AuthenticationProvider {

        private final OAuth2AuthorizationService authorizations;
        private final OAuth2TokenGenerator<? extends OAuth2Token> tokens;

        TokenProvider(OAuth2AuthorizationService authorizations, OAuth2TokenGenerator<? extends OAuth2Token> tokens) {
            this.authorizations = authorizations;
            this.tokens = tokens;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            var request = (Request) authentication;
            if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()
                    || !(client.getCredentials() instanceof Jwt assertion)) {
                throw error("invalid_client", "The assertion was not verified.");
            }
            RegisteredClient registered = client.getRegisteredClient();
            Set<String> scopes = new LinkedHashSet<>(List.of(String.valueOf(assertion.getClaimAsString("scope")).split(" ")));
            var user = UsernamePasswordAuthenticationToken.authenticated(assertion.getSubject(), null, List.of());
            var context = DefaultOAuth2TokenContext.builder().registeredClient(registered).principal(user)
                    .authorizationServerContext(AuthorizationServerContextHolder.getContext()).authorizedScopes(scopes)
                    .tokenType(OAuth2TokenType.ACCESS_TOKEN).authorizationGrantType(AuthorizationGrantType.JWT_BEARER)
                    .authorizationGrant(request).build();
            OAuth2Token generated = tokens.generate(context);
            if (generated == null) {
                throw error("server_error", "No access token was generated.");
            }
            var accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, generated.getTokenValue(),
                    generated.getIssuedAt(), generated.getExpiresAt(), scopes);
            var authorization = OAuth2Authorization.withRegisteredClient(registered).principalName(assertion.getSubject())
                    .authorizationGrantType(AuthorizationGrantType.JWT_BEARER).authorizedScopes(scopes)
                    .token(accessToken, metadata -> {
                        if (generated instanceof ClaimAccessor claims) {
                            metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, claims.getClaims());
                        }
                    }).build();
            authorizations.save(authorization);
            return new OAuth2AccessTokenAuthenticationToken(registered, client, accessToken);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return Request.class.isAssignableFrom(authentication);
        }
    }

    private static OAuth2AuthenticationException error(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}
