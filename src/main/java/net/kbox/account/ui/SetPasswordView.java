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
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
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

    /** The link's token, kept on the server once the address bar no longer shows it (a reload finds it here). */
    static final String TOKEN_ATTRIBUTE = SetPasswordView.class.getName() + ".token";

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

    /**
     * Reads the token from the link, then takes it out of the address bar (and so out of the history, of
     * screenshots and of the window's title bar); it stays in the session for a reload.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var session = VaadinSession.getCurrent();
        var fromLink = event.getLocation().getQueryParameters().getSingleParameter("token");
        if (fromLink.isPresent()) {
            session.setAttribute(TOKEN_ATTRIBUTE, fromLink.get());
            var ui = event.getUI();
            ui.beforeClientResponse(ui, context -> ui.getPage().getHistory().replaceState(null,
                    RouteConfiguration.forSessionScope().getUrl(SetPasswordView.class)));
        }
        token = fromLink.orElseGet(() -> session.getAttribute(TOKEN_ATTRIBUTE) instanceof String kept ? kept : "");
        card.removeAll();
        var link = resets.check(token);
        if (link.isEmpty()) {
            showInvalid();
            return;
        }
        card.add(new com.vaadin.flow.component.html.H2(getTranslation(link.get().welcome()
                        ? "set-password.title.welcome" : "set-password.title.reset")),
                paragraph("set-password-account", getTranslation("set-password.account", link.get().email())),
                rules(), form());
    }

    private void showInvalid() {
        card.removeAll();
        card.add(new com.vaadin.flow.component.html.H2(getTranslation("set-password.invalid.title")),
                paragraph("set-password-invalid", getTranslation("set-password.invalid.text")),
                new RouterLink(getTranslation("set-password.invalid.forgot"), ForgotPasswordView.class));
    }

    private UnorderedList rules() {
        var rules = new UnorderedList(
                new ListItem(getTranslation("password.rule.too_short", PasswordPolicy.MIN_LENGTH)),
                new ListItem(getTranslation("password.rule.too_long")),
                new ListItem(getTranslation("password.rule.contains_email")),
                new ListItem(getTranslation("password.rule.too_simple")));
        rules.setId("password-rules");
        rules.addClassName("password-rules");
        return rules;
    }

    private Div form() {
        password.setId("new-password");
        password.setLabel(getTranslation("set-password.password"));
        // No maxlength: the browser would cut a pasted password silently; too long ones get the rule's message.
        password.setManualValidation(true);
        password.setValueChangeMode(ValueChangeMode.EAGER);
        password.setWidthFull();
        password.addValueChangeListener(e -> check());
        repeat.setId("repeat-password");
        repeat.setLabel(getTranslation("set-password.repeat"));
        repeat.setValueChangeMode(ValueChangeMode.EAGER);
        repeat.setManualValidation(true);
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
            VaadinSession.getCurrent().setAttribute(TOKEN_ATTRIBUTE, null);
            UI.getCurrent().navigate(LoginView.class, QueryParameters.of("password-set", ""));
        } else if (outcome == SetPasswordOutcome.LINK_INVALID) {
            showInvalid();
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
