package net.kbox.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import net.kbox.account.PasswordPolicy;
import net.kbox.account.PasswordResets.SetPasswordOutcome;
import net.kbox.account.PasswordResets;
import net.kbox.account.ui.LoginView;
import net.kbox.base.ui.PublicPage;

/** Where the links of the welcome and reset e-mails lead: choose a password, with the rules shown up front. */
@Route(value = "set-password", autoLayout = false)
@AnonymousAllowed
public class SetPasswordView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final PasswordResets resets;
    private String token = "";
    final PasswordField password = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button save = new Button();
    final Div card = new Div();

    SetPasswordView(PasswordResets resets) {
        this.resets = resets;
        setId("set-password-view");
        card.addClassName("auth-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        card.removeAll();
        var link = resets.check(token);
        if (link.isEmpty()) {
            card.add(new com.vaadin.flow.component.html.H2(getTranslation("set-password.invalid.title")),
                    paragraph("set-password-invalid", getTranslation("set-password.invalid.text")),
                    new RouterLink(getTranslation("set-password.invalid.forgot"), ForgotPasswordView.class));
            return;
        }
        card.add(new com.vaadin.flow.component.html.H2(getTranslation(link.get().welcome()
                        ? "set-password.title.welcome" : "set-password.title.reset")),
                paragraph("set-password-account", getTranslation("set-password.account", link.get().email())),
                rules(), form());
    }

    private UnorderedList rules() {
        var rules = new UnorderedList(
                new ListItem(getTranslation("password.rule.too_short", PasswordPolicy.MIN_LENGTH)),
                new ListItem(getTranslation("password.rule.contains_email")),
                new ListItem(getTranslation("password.rule.too_simple")));
        rules.setId("password-rules");
        rules.addClassName("password-rules");
        return rules;
    }

    private Div form() {
        password.setId("new-password");
        password.setLabel(getTranslation("set-password.password"));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setValueChangeMode(ValueChangeMode.EAGER);
        password.setWidthFull();
        password.addValueChangeListener(e -> check());
        repeat.setId("repeat-password");
        repeat.setLabel(getTranslation("set-password.repeat"));
        repeat.setValueChangeMode(ValueChangeMode.EAGER);
        repeat.setWidthFull();
        repeat.addValueChangeListener(e -> check());
        save.setText(getTranslation("set-password.save"));
        save.setId("set-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setWidthFull();
        save.setEnabled(false);
        save.addClickListener(e -> save());
        return new Div(password, repeat, save);
    }

    private void check() {
        List<PasswordPolicy.Problem> problems = resets.problems(token, password.getValue());
        boolean typed = !password.getValue().isEmpty();
        password.setInvalid(typed && !problems.isEmpty());
        password.setErrorMessage(problems.isEmpty() ? null
                : getTranslation("password.rule." + problems.getFirst().name().toLowerCase(), PasswordPolicy.MIN_LENGTH));
        boolean same = password.getValue().equals(repeat.getValue());
        repeat.setInvalid(!repeat.getValue().isEmpty() && !same);
        repeat.setErrorMessage(same ? null : getTranslation("set-password.mismatch"));
        save.setEnabled(typed && problems.isEmpty() && same);
    }

    private void save() {
        var outcome = resets.setPassword(token, password.getValue());
        if (outcome == SetPasswordOutcome.CHANGED) {
            UI.getCurrent().navigate(LoginView.class, QueryParameters.of("password-set", ""));
        } else if (outcome == SetPasswordOutcome.LINK_INVALID) {
            UI.getCurrent().navigate(SetPasswordView.class, QueryParameters.of("token", token));
        } else {
            check();
        }
    }

    private static Paragraph paragraph(String id, String text) {
        var paragraph = new Paragraph(text);
        paragraph.setId(id);
        return paragraph;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("set-password.page-title");
    }
}
