package net.kbox.mail.ui;

import com.vaadin.flow.component.UI;
import net.kbox.base.ui.QuestionDialog;

/**
 * Asked when an administrator leaves the Mail page with changes that are not saved: leaving would lose
 * them without a word. "Stay", Escape and a click outside stay; only "Discard and leave" goes on.
 */
class UnsavedChangesDialog extends QuestionDialog {

    UnsavedChangesDialog(Runnable onLeave) {
        super("unsaved-changes-dialog", UI.getCurrent().getTranslation("mail.unsaved.title"),
                UI.getCurrent().getTranslation("mail.unsaved.text"), UI.getCurrent().getTranslation("mail.unsaved.stay"),
                UI.getCurrent().getTranslation("mail.unsaved.leave"), onLeave);
    }
}
