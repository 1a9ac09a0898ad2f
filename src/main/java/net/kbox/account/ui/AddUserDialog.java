package net.kbox.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import net.kbox.base.Languages;
import net.kbox.base.ui.Notifications;
import net.kbox.base.ui.UncutInput;
import net.kbox.security.Role;
import org.jspecify.annotations.Nullable;

/** "Add user": name, e-mail, role, language (of their e-mails and pages). The new user receives a link to set their password. */
class AddUserDialog extends Dialog {

    interface AddUser {
        /** @return a translation key of what is wrong, or {@code null} when the user was added */
        @Nullable String add(String name, String email, Role role, Locale language);
    }

    final TextField name = new TextField();
    final EmailField email = new EmailField();
    final RadioButtonGroup<Role> role = new RadioButtonGroup<>();
    final Select<Locale> language = new Select<>();
    final Button save = new Button();

    AddUserDialog(AddUser addUser, boolean mailConfigured, Locale defaultLanguage) {
        setId("add-user-dialog");
        setHeaderTitle(getTranslation("users.add.title"));
        // Too long values get a message from the server's rules, which alone decide (UncutInput: never cut).
        name.setId("new-user-name");
        name.setLabel(getTranslation("users.column.name"));
        name.setRequiredIndicatorVisible(true);
        email.setId("new-user-email");
        email.setLabel(getTranslation("users.column.email"));
        email.setRequiredIndicatorVisible(true);
        UncutInput.apply(name, email);
        role.setId("new-user-role");
        role.setLabel(getTranslation("users.column.role"));
        role.setItems(Role.USER, Role.ADMIN);
        role.setItemLabelGenerator(r -> getTranslation("users.role." + r.name().toLowerCase()));
        role.setValue(Role.USER);

        language.setId("new-user-language");
        language.setLabel(getTranslation("users.column.language"));
        language.setHelperText(getTranslation("users.add.language-help"));
        language.setItems(Languages.SUPPORTED);
        language.setItemLabelGenerator(Languages::nameOf);
        language.setValue(defaultLanguage);

        var body = new Div(name, email, role, language);
        body.addClassName("dialog-form");
        var note = new Paragraph(getTranslation(mailConfigured ? "users.add.note" : "users.add.note-no-mail"));
        note.setId("add-user-note");
        note.addClassName(mailConfigured ? "dialog-note" : "dialog-warning");
        add(body, note);

        save.setText(getTranslation("users.add.save"));
        save.setId("add-user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> {
            name.setInvalid(false);
            email.setInvalid(false);
            String problem = addUser.add(name.getValue(), email.getValue(), role.getValue(),
                    language.getValue());
            if (problem == null) {
                close();
            } else if (problem.equals("users.error.name")) {
                name.setErrorMessage(getTranslation(problem));
                name.setInvalid(true);
            } else if (problem.startsWith("address.") || problem.equals("users.error.exists")) {
                email.setErrorMessage(getTranslation(problem));
                email.setInvalid(true);
            } else {
                Notifications.error(getTranslation(problem));
                close();
            }
        });
        var cancel = new Button(getTranslation("users.add.cancel"), e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel, save);
    }
}
