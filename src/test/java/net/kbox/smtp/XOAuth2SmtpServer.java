package net.kbox.smtp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.MultipleAuthenticationHandlerFactory;

/**
 * An SMTP server as Microsoft 365 is becoming: STARTTLS required, AUTH required, and the only login it
 * takes is XOAUTH2 with an access token that its authorization server confirms ({@link TokenCheck}, e.g.
 * by introspection). PLAIN and LOGIN are offered but answered with 535 5.7.139, "basic authentication is
 * disabled". Every login attempt is recorded with its mechanism.
 */
public final class XOAuth2SmtpServer extends SubEthaSmtpServer {

    /** Whether the authorization server confirms {@code token} for sending as {@code user}. */
    @FunctionalInterface
    public interface TokenCheck {
        boolean accepts(String user, String token);
    }

    /** One AUTH command: its mechanism, the user it named, whether it was accepted. */
    public record Login(String mechanism, String user, boolean accepted) {
    }

    private final List<Login> logins;

    private XOAuth2SmtpServer(List<Login> logins, TokenCheck check) {
        super(TestCertificates.Identity.LOCALHOST, new MultipleAuthenticationHandlerFactory(List.of(
                new XOAuth2(check, logins), new BasicDisabled(logins))), 0, recipient -> false);
        this.logins = logins;
    }

    public static XOAuth2SmtpServer start(TokenCheck check) {
        return new XOAuth2SmtpServer(new CopyOnWriteArrayList<>(), check);
    }

    public List<Login> logins() {
        return List.copyOf(logins);
    }

    /** XOAUTH2: one line, base64 of "user=U^Aauth=Bearer T^A^A". */
    private record XOAuth2(TokenCheck check, List<Login> logins) implements AuthenticationHandlerFactory {

        @Override
        public List<String> getAuthenticationMechanisms() {
            return List.of("XOAUTH2");
        }

        @Override
        public AuthenticationHandler create() {
            return new AuthenticationHandler() {
                private String identity = "";

                @Override
                public Optional<String> auth(String clientInput, MessageContext context) throws RejectException {
                    String[] words = clientInput.trim().split(" ");
                    String response = new String(Base64.getDecoder().decode(words[words.length - 1]), StandardCharsets.UTF_8);
                    String user = "";
                    String token = "";
                    for (String part : response.split("\u0001")) {
                        if (part.startsWith("user=")) {
                            user = part.substring(5);
                        } else if (part.startsWith("auth=Bearer ")) {
                            token = part.substring(12);
                        }
                    }
                    boolean accepted = !token.isEmpty() && check.accepts(user, token);
                    logins.add(new Login("XOAUTH2", user, accepted));
                    if (!accepted) {
                        throw new RejectException(535, "5.7.3 Authentication unsuccessful");
                    }
                    identity = user;
                    return Optional.empty();
                }

                @Override
                public Object getIdentity() {
                    return identity;
                }
            };
        }
    }

    /** PLAIN and LOGIN: turned off, as Exchange Online answers. */
    private record BasicDisabled(List<Login> logins) implements AuthenticationHandlerFactory {

        @Override
        public List<String> getAuthenticationMechanisms() {
            return List.of("PLAIN", "LOGIN");
        }

        @Override
        public AuthenticationHandler create() {
            return new AuthenticationHandler() {
                @Override
                public Optional<String> auth(String clientInput, MessageContext context) throws RejectException {
                    logins.add(new Login(clientInput.trim().split(" ")[1].toUpperCase(java.util.Locale.ROOT), "", false));
                    throw new RejectException(535, "5.7.139 Authentication unsuccessful, basic authentication is disabled.");
                }

                @Override
                public Object getIdentity() {
                    return "";
                }
            };
        }
    }
}
