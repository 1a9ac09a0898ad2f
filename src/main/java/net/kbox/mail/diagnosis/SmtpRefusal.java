package net.kbox.mail.diagnosis;

import jakarta.mail.MessagingException;

/** The transport itself refuses to go on (for example: a login is configured but the server offers none). */
public final class SmtpRefusal extends MessagingException {

    private final MailError.Kind kind;

    public SmtpRefusal(MailError.Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    MailError.Kind kind() {
        return kind;
    }
}
