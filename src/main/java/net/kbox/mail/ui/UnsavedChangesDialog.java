package net.kbox.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Asked when an administrator leaves the Mail page with changes that are not saved: leaving would lose
 * them without a word. "Stay on this page" has the focus, and Escape or a click outside stay as well; only
 * "Leave and discard changes" goes on. A plain {@link Dialog}: it is in the pre-compiled frontend bundle.
 */
class UnsavedChangesDialog extends Dialog {

    final Button stay = new Button();
    final Button leave = new Button();

    UnsavedChangesDialog(Runnable onLeave) {
        setId("unsaved-changes-dialog");
        setHeaderTitle(getTranslation("mail.unsaved.title"));
        add(new Paragraph(getTranslation("mail.unsaved.text")));
        stay.setId("unsaved-changes-stay");
        stay.setText(getTranslation("mail.unsaved.stay"));
        stay.addClickListener(e -> close());
        leave.setId("unsaved-changes-leave");
        leave.setText(getTranslation("mail.unsaved.leave"));
        leave.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        leave.addClickListener(e -> {
            close();
            onLeave.run();
        });
        getFooter().add(stay, leave);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                stay.focus();
            }
        });
        setMaxWidth("32rem");
    }
}
