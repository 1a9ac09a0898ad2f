package net.kbox.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;
import net.kbox.mail.log.MailLogEntry;

/**
 * Asks before an e-mail that waits is cancelled: a cancelled e-mail cannot be sent again, so a mis-click
 * would lose it for good. It names the e-mail and its recipient; "Keep it", Escape and a click outside
 * leave it as it is. A plain {@link Dialog}: it is in the pre-compiled frontend bundle (ADR 1).
 */
class CancelMailDialog extends Dialog {

    /** The kinds with a question of their own ("Cancel the welcome e-mail to …?"); others are named by number. */
    private static final Set<String> NAMED_KINDS = Set.of("welcome", "password-reset", "password-changed", "test");

    final Paragraph question = new Paragraph();
    final Button confirm = new Button();
    final Button keep = new Button();

    CancelMailDialog(MailLogEntry entry, LongConsumer onCancel) {
        setId("mail-cancel-dialog");
        setHeaderTitle(getTranslation("mail-log.cancel.title"));
        question.setId("mail-cancel-question");
        question.setText(question(entry) + " " + getTranslation("mail-log.cancel.consequence"));
        keep.setId("mail-cancel-keep");
        keep.setText(getTranslation("mail-log.cancel.keep"));
        keep.addClickListener(e -> close());
        confirm.setId("mail-cancel-confirm");
        confirm.setText(getTranslation("mail-log.action.cancel"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> {
            close();
            onCancel.accept(entry.id());
        });
        add(question);
        getFooter().add(keep, confirm);
        // the safe answer has the focus, so that Enter (or a second click of a double click) keeps the e-mail
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                keep.focus();
            }
        });
        setMaxWidth("32rem");
    }

    private String question(MailLogEntry entry) {
        String kind = entry.kind().toLowerCase(Locale.ROOT).replace('_', '-');
        return NAMED_KINDS.contains(kind)
                ? getTranslation("mail-log.cancel.question." + kind, entry.recipient())
                : getTranslation("mail-log.cancel.question", entry.recipient(), String.valueOf(entry.id()));
    }
}
