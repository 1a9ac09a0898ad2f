package net.kbox.mail.ui;

import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;
import net.kbox.base.ui.QuestionDialog;
import net.kbox.mail.log.MailLogEntry;

/**
 * Asks before an e-mail that waits is cancelled: a cancelled e-mail cannot be sent again, so a mis-click
 * would lose it for good. It names the e-mail and its recipient; "Keep it", Escape and a click outside
 * leave it as it is.
 */
class CancelMailDialog extends QuestionDialog {

    /** The kinds with a question of their own ("Cancel the welcome e-mail to …?"); others are named by number. */
    private static final Set<String> NAMED_KINDS = Set.of("welcome", "password-reset", "password-changed", "test");

    CancelMailDialog(MailLogEntry entry, LongConsumer onCancel) {
        super("mail-cancel-dialog", translated("mail-log.cancel.title"), question(entry) + " "
                + translated("mail-log.cancel.consequence"), translated("mail-log.cancel.keep"),
                translated("mail-log.action.cancel"), () -> onCancel.accept(entry.id()));
    }

    private static String question(MailLogEntry entry) {
        String kind = entry.kind().toLowerCase(Locale.ROOT).replace('_', '-');
        return NAMED_KINDS.contains(kind)
                ? translated("mail-log.cancel.question." + kind, entry.recipient())
                : translated("mail-log.cancel.question", entry.recipient(), String.valueOf(entry.id()));
    }

    private static String translated(String key, Object... arguments) {
        return com.vaadin.flow.component.UI.getCurrent().getTranslation(key, arguments);
    }
}
