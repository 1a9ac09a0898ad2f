package net.kbox.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import net.kbox.account.UserSummary;

/**
 * E-mail cannot go out yet: the administrator may hand the set-password link over in person. The
 * welcome e-mail stays queued and is sent once mail works.
 */
class ManualLinkDialog extends Dialog {

    ManualLinkDialog(UserSummary user, String link) {
        setId("manual-link-dialog");
        setHeaderTitle(getTranslation("users.manual.title"));
        var text = new Paragraph(getTranslation("users.manual.text", user.displayName(), user.email()));
        var field = new TextField();
        field.setId("manual-link");
        field.setValue(link);
        field.setReadOnly(true);
        field.setWidthFull();
        var copy = new Button(getTranslation("users.manual.copy"),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("navigator.clipboard.writeText($0)", link)));
        var close = new Button(getTranslation("users.manual.close"), e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(text, field);
        getFooter().add(copy, close);
        setWidth("36rem");
    }
}
