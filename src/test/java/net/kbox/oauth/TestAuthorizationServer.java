package net.kbox.oauth;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import net.kbox.smtp.TestCertificates;
import net.kbox.smtp.XOAuth2SmtpServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A real OAuth 2.0 authorization server for the tests: Spring Authorization Server on a random HTTPS port
 * of localhost, presenting a certificate of the test CA (which the application trusts through
 * KBOX_MAIL_CA_CERTIFICATES, never "trust all"). It issues opaque access tokens with the client-credentials
 * grant (client_secret_post) and the JWT bearer grant of Google service accounts, answers introspection
 * (the XOAUTH2 test server checks tokens there) and revokes tokens. One per JVM, started on first use.
 */
public final class TestAuthorizationServer {

    /** The client of the "other OAuth 2.0 provider" tests. */
    public static final String CLIENT_ID = "kbox-mail-client";
    public static final String CLIENT_SECRET = "Cl1ent-Secret-never-shown-" + "7f3a";
    public static final String SCOPE = "smtp.send";
    /** The mailbox that client may send as (like Exchange's send rights of a service principal). */
    public static final String MAILBOX = "no-reply@kbox.test";
    /** How long an access token lives; the application keeps it until 60 s before. */
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);
    private static final String SMTP_SERVER_CLIENT = "smtp-server";
    private static final String SMTP_SERVER_SECRET = "smtp-server-introspects";

    private static volatile TestAuthorizationServer instance;

    private final ServletWebServerApplicationContext context;
    private volatile int port;
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final HttpClient http;

    private TestAuthorizationServer() {
        var application = new SpringApplication(Beans.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setLogStartupInfo(false);
        application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        application.setDefaultProperties(Map.of("spring.main.allow-bean-definition-overriding", "true"));
        // the application under test owns the logging configuration of this JVM
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("testAuthorizationServer", this));
        context = (ServletWebServerApplicationContext) application.run("--spring.config.location=optional:classpath:/none/");
        port = context.getWebServer().getPort();
        http = HttpClient.newBuilder().sslContext(trustingTestCa()).connectTimeout(Duration.ofSeconds(5)).build();
        // one request through TLS and the whole filter chain before any test asks: a cold server in a busy JVM
        // can take longer for its first answer than the application's timeout allows
        post("/oauth2/token", "grant_type=client_credentials", SMTP_SERVER_CLIENT + ":" + SMTP_SERVER_SECRET);
    }

    /** The server, started on first use. */
    public static TestAuthorizationServer get() {
        if (instance == null) {
            synchronized (TestAuthorizationServer.class) {
                if (instance == null) {
                    instance = new TestAuthorizationServer();
                }
            }
        }
        return instance;
    }

    public String tokenUrl() {
        return "https://localhost:" + port + "/oauth2/token";
    }

    /** How many token requests arrived so far (granted or not). */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** Every access token issued so far: none may show up anywhere but in the SMTP login. */
    public List<String> issuedTokens() {
        return List.copyOf(issued);
    }

    /** Registers a Google-like service account: its key signs the assertions; it may act for {@code users}. */
    public TestServiceAccount serviceAccount(String name, Set<String> users) {
        var account = TestServiceAccount.create(name, tokenUrl());
        var repository = (InMemoryRegisteredClientRepository) context.getBean(RegisteredClientRepository.class);
        repository.save(RegisteredClient.withId(account.clientEmail()).clientId(account.clientEmail())
                .clientAuthenticationMethod(JwtBearerGrant.ASSERTION).authorizationGrantType(AuthorizationGrantType.JWT_BEARER)
                .scope("https://mail.google.com/").tokenSettings(tokenSettings()).build());
        publicKeys().put(account.clientEmail(), account.publicKey());
        delegations().put(account.clientEmail(), Set.copyOf(users));
        return account;
    }

    /** Revokes every access token issued so far, through the revocation endpoint. */
    public void revokeAll() {
        for (String token : issued) {
            var authorization = context.getBean(OAuth2AuthorizationService.class).findByToken(token, null);
            String client = authorization == null ? null : authorization.getRegisteredClientId();
            if (CLIENT_ID.equals(client)) {
                post("/oauth2/revoke", "token=" + token + "&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET, null);
            } else {
                post("/oauth2/revoke", "token=" + token, SMTP_SERVER_CLIENT + ":" + SMTP_SERVER_SECRET);
            }
        }
    }

    /**
     * Asks the introspection endpoint, as the SMTP server does: accepted if the token is active, has
     * {@code scope}, and was issued for {@code user} or to a client that may send as it.
     */
    public XOAuth2SmtpServer.TokenCheck tokenCheck(String scope) {
        return (user, token) -> {
            Map<String, Object> answer;
            try {
                answer = JSONObjectUtils.parse(post("/oauth2/introspect", "token=" + encode(token),
                        SMTP_SERVER_CLIENT + ":" + SMTP_SERVER_SECRET));
            } catch (ParseException e) {
                return false;
            }
            boolean active = Boolean.TRUE.equals(answer.get("active"));
            boolean scoped = List.of(String.valueOf(answer.get("scope")).split(" ")).contains(scope);
            boolean forUser = user.equals(answer.get("sub")) || (CLIENT_ID.equals(answer.get("client_id")) && MAILBOX.equals(user));
            return active && scoped && forUser;
        };
    }

    private String post(String path, String form, String basic) {
        try {
            var request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (basic != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, RSAPublicKey> publicKeys() {
        return (Map<String, RSAPublicKey>) context.getBean("publicKeys");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Set<String>> delegations() {
        return (Map<String, Set<String>>) context.getBean("delegations");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static TokenSettings tokenSettings() {
        return TokenSettings.builder().accessTokenFormat(OAuth2TokenFormat.REFERENCE).accessTokenTimeToLive(TOKEN_LIFETIME)
                .build();
    }

    private static SSLContext trustingTestCa() {
        try {
            var anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("test-ca", TestCertificates.get().ca());
            var trust = TrustManagerFactory.getInstance("PKIX");
            trust.init(anchors);
            var ssl = SSLContext.getInstance("TLS");
            ssl.init(null, trust.getTrustManagers(), null);
            return ssl;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's beans; not a @Configuration, so that no test context scans it. */
    @EnableWebSecurity
    static class Beans {

        @Bean
        TomcatServletWebServerFactory webServer() {
            var factory = new TomcatServletWebServerFactory(0);
            factory.setAddress(java.net.InetAddress.getLoopbackAddress());
            // the endpoints are filters of Spring Security: Tomcat runs filters only for a request a servlet takes
            factory.setRegisterDefaultServlet(true);
            var ssl = new Ssl();
            ssl.setKeyStore(TestCertificates.get().keyStoreFile(TestCertificates.Identity.LOCALHOST).toString());
            ssl.setKeyStorePassword(TestCertificates.KEY_STORE_PASSWORD);
            ssl.setKeyStoreType("PKCS12");
            factory.setSsl(ssl);
            return factory;
        }

        /**
         * Every application context of the tests with Vaadin replaces the JVM's security context strategy
         * when it starts (Vaadin's SpringSecurityAutoConfiguration); this server may have started before.
         * Its filters ask whichever strategy is current, so that the one that authenticates the client and
         * the one that checks it agree.
         */
        @Bean
        SecurityContextHolderStrategy currentStrategy() {
            return new SecurityContextHolderStrategy() {
                @Override
                public void clearContext() {
                    SecurityContextHolder.getContextHolderStrategy().clearContext();
                }

                @Override
                public SecurityContext getContext() {
                    return SecurityContextHolder.getContextHolderStrategy().getContext();
                }

                @Override
                public void setContext(SecurityContext context) {
                    SecurityContextHolder.getContextHolderStrategy().setContext(context);
                }

                @Override
                public SecurityContext createEmptyContext() {
                    return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                }
            };
        }

        @Bean
        Map<String, RSAPublicKey> publicKeys() {
            return new ConcurrentHashMap<>();
        }

        @Bean
        Map<String, Set<String>> delegations() {
            return new ConcurrentHashMap<>();
        }

        @Bean
        RegisteredClientRepository clients() {
            var client = RegisteredClient.withId(CLIENT_ID).clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope(SCOPE)
                    .tokenSettings(tokenSettings()).build();
            var smtpServer = RegisteredClient.withId(SMTP_SERVER_CLIENT).clientId(SMTP_SERVER_CLIENT)
                    .clientSecret("{noop}" + SMTP_SERVER_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();
            return new InMemoryRegisteredClientRepository(client, smtpServer);
        }

        @Bean
        OAuth2AuthorizationService authorizations(TestAuthorizationServer server) {
            var kept = new InMemoryOAuth2AuthorizationService();
            return new OAuth2AuthorizationService() {
                @Override
                public void save(OAuth2Authorization authorization) {
                    var token = authorization.getAccessToken();
                    if (token != null && !server.issued.contains(token.getToken().getTokenValue())) {
                        server.issued.add(token.getToken().getTokenValue());
                    }
                    kept.save(authorization);
                }

                @Override
                public void remove(OAuth2Authorization authorization) {
                    kept.remove(authorization);
                }

                @Override
                public OAuth2Authorization findById(String id) {
                    return kept.findById(id);
                }

                @Override
                public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
                    return kept.findByToken(token, tokenType);
                }
            };
        }

        @Bean
        OAuth2TokenGenerator<OAuth2Token> tokens() {
            return new DelegatingOAuth2TokenGenerator(new OAuth2AccessTokenGenerator());
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        OncePerRequestFilter countingTokenRequests(TestAuthorizationServer server) {
            return new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws ServletException, IOException {
                    if (request.getRequestURI().equals("/oauth2/token")) {
                        server.tokenRequests.incrementAndGet();
                    }
                    chain.doFilter(request, response);
                }
            };
        }

        @Bean
        SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClientRepository clients,
                OAuth2AuthorizationService authorizations, OAuth2TokenGenerator<OAuth2Token> tokens,
                Map<String, RSAPublicKey> publicKeys, Map<String, Set<String>> delegations, TestAuthorizationServer server)
                throws Exception {
            http.oauth2AuthorizationServer(as -> as
                    .clientAuthentication(client -> client
                            .authenticationConverter(new JwtBearerGrant.ClientConverter())
                            .authenticationProvider(new JwtBearerGrant.ClientProvider(clients, publicKeys,
                                    id -> delegations.getOrDefault(id, Set.of()), server::tokenUrl)))
                    .tokenEndpoint(token -> token
                            .accessTokenRequestConverter(new JwtBearerGrant.RequestConverter())
                            .authenticationProvider(new JwtBearerGrant.TokenProvider(authorizations, tokens))))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
            return http.build();
        }
    }
}
