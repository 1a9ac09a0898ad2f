package net.kbox.mail.diagnosis;

import net.kbox.mail.diagnosis.MailError.Kind;
import net.kbox.mail.diagnosis.MailErrorTranslator.Context;
import org.jspecify.annotations.Nullable;

/**
 * Addresses the server cannot take as they are. A recipient that needs SMTPUTF8 fails for good on such a
 * server (retrying changes nothing); a From Address that needs it is a setting the administrator changes.
 */
final class AddressErrors {

    private static final String NOT_ACCEPTED = "The mail server does not accept international addresses (SMTPUTF8)";

    private AddressErrors() {
    }

    static @Nullable MailError smtpUtf8Missing(Throwable failure, Context context) {
        SmtpUtf8Missing missing = FailureChain.find(failure, SmtpUtf8Missing.class);
        if (missing == null) {
            return null;
        }
        if (missing.sender()) {
            return MailError.of(Kind.NO_SMTPUTF8, NOT_ACCEPTED + ", so nothing can be sent from " + missing.address()
                    + ": use a From Address with only ASCII letters before the @, or a server that offers SMTPUTF8");
        }
        return new MailError(Kind.NO_SMTPUTF8, NOT_ACCEPTED + ", so nothing was sent to " + missing.address()
                + ": the recipient needs an address with only ASCII letters before the @, or the K-Box a server "
                + "that offers SMTPUTF8", true, null);
    }
}
