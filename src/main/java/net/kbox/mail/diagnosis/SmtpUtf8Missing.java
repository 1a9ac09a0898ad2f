package net.kbox.mail.diagnosis;

import jakarta.mail.MessagingException;

/**
 * The transport will not send: an address has non-ASCII letters before the @, so it can only go out with
 * SMTPUTF8 (RFC 6531), and the server does not offer it. Thrown before the address reaches the server;
 * {@link AddressErrors} explains it.
 */
public final class SmtpUtf8Missing extends MessagingException {

    private final String address;
    private final boolean sender;

    /**
     * @param address the address as it was given
     * @param sender whether it is the From Address (a setting to change) rather than a recipient
     */
    public SmtpUtf8Missing(String address, boolean sender) {
        super("SMTPUTF8 is needed for " + address + " and not offered by the server");
        this.address = address;
        this.sender = sender;
    }

    String address() {
        return address;
    }

    boolean sender() {
        return sender;
    }
}
