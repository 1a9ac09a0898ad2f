package net.kbox.mail.diagnosis;

import static net.kbox.mail.diagnosis.FailureChain.find;
import static net.kbox.mail.diagnosis.FailureChain.messageContaining;

import jakarta.mail.AuthenticationFailedException;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.diagnosis.MailErrorTranslator.Context;
import net.kbox.mail.settings.MailAuthentication;
import org.jspecify.annotations.Nullable;

/**
 * The server's answers to the login that say more than "wrong password": the provider turned password
 * logins off (Microsoft's 535 5.7.139, 550 5.7.30), authenticated SMTP is off for the mailbox, the server
 * offers no XOAUTH2, or it refused the access token.
 */
final class LoginErrors {

    private static final String ENABLE_SMTP_AUTH = "turn on authenticated SMTP for the mailbox %s (Microsoft 365 admin "
            + "center > Users > Active users > Mail > Manage email apps), or for the organisation";

    private LoginErrors() {
    }

    static @Nullable MailError refused(Throwable failure, Context context) {
        String mailbox = context.username() == null ? "it sends as" : context.username();
        if (messageContaining(failure, "SmtpClientAuthentication is disabled") != null) {
            return MailError.of(Kind.SMTP_AUTHENTICATION_DISABLED, "The server does not allow logins for this mailbox "
                    + "(SmtpClientAuthentication is disabled): " + ENABLE_SMTP_AUTH.formatted(mailbox));
        }
        boolean oauth = context.oauth().method().isOAuth();
        if (messageContaining(failure, "5.7.139") != null || messageContaining(failure, "5.7.30") != null) {
            return oauth ? MailError.of(Kind.SMTP_AUTHENTICATION_DISABLED, "The server refused the login (5.7.139): "
                            + ENABLE_SMTP_AUTH.formatted(mailbox))
                    : MailError.of(Kind.BASIC_AUTHENTICATION_DISABLED, "The provider has turned off logins with a "
                            + "password (basic authentication is disabled): choose Authentication “Microsoft 365 "
                            + "(OAuth 2.0)” and log in with an app registration");
        }
        AuthenticationFailedException authentication = find(failure, AuthenticationFailedException.class);
        if (authentication == null || !oauth) {
            return null;
        }
        if (messageContaining(failure, "No authentication mechanisms supported") != null) {
            return MailError.of(Kind.AUTHENTICATION_NOT_OFFERED, "The server does not offer XOAUTH2, the login with an "
                    + "access token: check the host and port (" + context.oauth().method().suggestedHost()
                            .map(host -> "for this provider: " + host).orElse("your provider documents them") + ")");
        }
        String app = context.oauth().method() == MailAuthentication.GOOGLE ? "the service account" : "the app";
        return new MailError(Kind.AUTHENTICATION_FAILED, "The server rejected the access token for " + mailbox
                + ": check that " + app + " may send as this mailbox"
                + (context.oauth().method() == MailAuthentication.MICROSOFT_365
                        ? " (SMTP.SendAsApp, and the Exchange service principal with rights on the mailbox)" : ""),
                false, ReplyErrors.leadingCode(authentication.getMessage()));
    }
}
