package net.kbox.mail.diagnosis;

import org.jspecify.annotations.Nullable;

/**
 * Why an e-mail could not be sent, as one plain-English sentence that says what to do.
 *
 * @param kind what went wrong
 * @param message the sentence for the administrator; never contains a password
 * @param permanent {@code true} if this message can never be delivered as it is (the server refused
 *     the recipient or the content with a 5xx reply); {@code false} if a later attempt may succeed,
 *     after the server recovers or an administrator fixes the settings
 * @param replyCode the SMTP reply code behind the error, if there was one
 */
public record MailError(Kind kind, String message, boolean permanent, @Nullable Integer replyCode) {

    /** An error without a reply code that a later attempt may not meet (after a fix or a recovery). */
    static MailError of(Kind kind, String message) {
        return new MailError(kind, message, false, null);
    }

    /** What went wrong. */
    public enum Kind {
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** Nothing listens on the port. */
        CONNECTION_REFUSED,
        /** No connection or no answer within the configured timeout, or the attempt as a whole took too long. */
        TIMEOUT,
        /** The server kept sending without finishing its reply: past the size of any reply, or at the deadline. */
        ENDLESS_REPLY,
        /** STARTTLS was chosen, but the port expects TLS from the first byte (implicit TLS). */
        EXPECTS_IMPLICIT_TLS,
        /** SSL/TLS was chosen, but the port speaks plain SMTP. */
        NOT_TLS,
        /** The server does not offer STARTTLS, so the connection would stay unencrypted. */
        NO_STARTTLS,
        /** The server's certificate does not chain to a trusted certificate authority. */
        UNTRUSTED_CERTIFICATE,
        /** The server's certificate is for another host name. */
        WRONG_HOST_CERTIFICATE,
        /** Any other TLS failure (no common protocol or cipher, expired certificate, ...). */
        TLS_FAILED,
        /** The username or password was rejected. */
        AUTHENTICATION_FAILED,
        /** The server wants a login, and no username is set. */
        AUTHENTICATION_REQUIRED,
        /** A username is set, but the server offers no login, so the message would go out unauthenticated. */
        AUTHENTICATION_NOT_OFFERED,
        /** The settings cannot be used as they are (a line break in the From Name, an invalid address). */
        INVALID_SETTINGS,
        /**
         * An address has non-ASCII letters before the @ and so needs SMTPUTF8 (RFC 6531), which the server
         * does not offer: nothing was sent, and no other form of the address was tried.
         */
        NO_SMTPUTF8,
        /** The server refused the sender address. */
        SENDER_REJECTED,
        /** The server refused the recipient. */
        RECIPIENT_REJECTED,
        /** The server refused the message content. */
        MESSAGE_REJECTED,
        /** The connection broke while talking to the server. */
        CONNECTION_LOST,
        /** Anything else: the sentence quotes the server's reply or the error. */
        OTHER
    }
}
