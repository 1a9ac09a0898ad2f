package net.kbox.mail.transport;

import net.kbox.mail.diagnosis.MailError;

/** An e-mail was not sent; {@link #error()} says why and what to do, {@link #isPermanent()} whether to retry. */
public class MailDeliveryException extends Exception {

    private final MailError error;
    private final String diagnosis;

    MailDeliveryException(MailError error, String diagnosis) {
        super(error.message());
        this.error = error;
        this.diagnosis = diagnosis;
    }

    public MailError error() {
        return error;
    }

    /** {@code true} if this message can never be delivered as it is: do not retry it. */
    public boolean isPermanent() {
        return error.permanent();
    }

    /** The steps up to the failure and the SMTP transcript, multi-line and without credentials. */
    public String diagnosis() {
        return diagnosis;
    }
}
