package net.kbox.mail.transport;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;

/** The server refused an access token that was kept from earlier (revoked, or the app's rights changed): ask again once. */
final class KeptTokenRefused extends MessagingException {

    KeptTokenRefused(AuthenticationFailedException refusal) {
        super("The server refused the kept access token", refusal);
    }

    /** The server's reply, for the diagnosis of the next try. */
    String reply() {
        String message = getNextException() == null ? null : getNextException().getMessage();
        return message == null ? "refused" : message.strip();
    }
}
