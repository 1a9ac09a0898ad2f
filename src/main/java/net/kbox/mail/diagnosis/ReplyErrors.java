package net.kbox.mail.diagnosis;

import static net.kbox.mail.diagnosis.FailureChain.find;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.diagnosis.MailErrorTranslator.Context;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.jspecify.annotations.Nullable;

/**
 * The server's refusals, quoted with their reply: the login, the sender, the recipient, the content.
 * A 5xx reply to the recipient or the content is permanent: that message can never be delivered as it is.
 */
final class ReplyErrors {

    private static final Pattern LEADING_CODE = Pattern.compile("^\\s*(\\d{3})\\b");
    private static final int AUTHENTICATION_REQUIRED = 530;

    private ReplyErrors() {
    }

    static @Nullable MailError refused(Throwable failure, Context context) {
        AuthenticationFailedException authentication = find(failure, AuthenticationFailedException.class);
        if (authentication != null) {
            return new MailError(Kind.AUTHENTICATION_FAILED, "The server rejected the username or password", false,
                    leadingCode(authentication.getMessage()));
        }
        SMTPAddressFailedException recipient = find(failure, SMTPAddressFailedException.class);
        if (recipient != null) {
            int code = recipient.getReturnCode();
            String refused = "The server refused the recipient " + recipient.getAddress();
            return code >= 500
                    ? new MailError(Kind.RECIPIENT_REJECTED, refused + " (" + reply(recipient) + ")", true, code)
                    : new MailError(Kind.RECIPIENT_REJECTED, refused + " for now (" + reply(recipient)
                            + "): it will be tried again later", false, code);
        }
        SMTPSenderFailedException sender = find(failure, SMTPSenderFailedException.class);
        if (sender != null) {
            int code = sender.getReturnCode();
            if (needsLogin(code, context)) {
                return loginRequired(code);
            }
            return new MailError(Kind.SENDER_REJECTED, "The server refused the sender " + context.fromAddress() + " ("
                    + reply(sender) + "): use a From Address this login may send as", false, code);
        }
        SMTPSendFailedException content = find(failure, SMTPSendFailedException.class);
        if (content != null) {
            int code = content.getReturnCode();
            if (needsLogin(code, context)) {
                return loginRequired(code);
            }
            return code >= 500
                    ? new MailError(Kind.MESSAGE_REJECTED, "The server refused the message (" + reply(content) + ")",
                            true, code)
                    : new MailError(Kind.MESSAGE_REJECTED, "The server did not take the message for now ("
                            + reply(content) + "): it will be tried again later", false, code);
        }
        return null;
    }

    /** The SMTP reply code a message starts with, if it does. */
    static @Nullable Integer leadingCode(@Nullable String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = LEADING_CODE.matcher(message);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    /** A 530 without a username set: the server wants a login, and none was given. */
    private static boolean needsLogin(int code, Context context) {
        return code == AUTHENTICATION_REQUIRED && !context.hasCredentials();
    }

    private static MailError loginRequired(int code) {
        return new MailError(Kind.AUTHENTICATION_REQUIRED,
                "The server requires a login: enter the SMTP username and password", false, code);
    }

    private static String reply(MessagingException failure) {
        String message = failure.getMessage();
        return message == null ? "no reply text" : message.strip();
    }
}
