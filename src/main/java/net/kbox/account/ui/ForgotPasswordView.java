package net.kbox.account.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.concurrent.Future;
import net.kbox.account.AccountAddresses;
import net.kbox.account.ResetRequests;
import net.kbox.account.ui.LoginView;
import net.kbox.base.ui.PublicPage;
import org.jspecify.annotations.Nullable;

/** "Forgot password?": the same answer, at once, whether or not the address has an account. */
@Route(value = "forgot-password", autoLayout = false)
@AnonymousAllowed
public class ForgotPasswordView extends PublicPage implements HasDynamicTitle {

    final EmailField email = new EmailField();
    final Button send = new Button();
    final Paragraph answer = new Paragraph();
    /** The request handled in the background (tests wait for it). */
    @Nullable Future<?> lastRequest;

    ForgotPasswordView(ResetRequests resets) {
        setId("forgot-password-view");

        email.setId("reset-email");
        email.setLabel(getTranslation("forgot.email"));
        email.setWidthFull();
        email.setRequiredIndicatorVisible(true);
        email.setManualValidation(true);
        send.setText(getTranslation("forgot.send"));
        send.setId("reset-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setWidthFull();
        send.addClickShortcut(Key.ENTER);
        answer.setId("reset-answer");
        answer.addClassName("auth-answer");
        answer.setVisible(false);
        send.addClickListener(e -> {
            var problem = AccountAddresses.problem(email.getValue());
            if (problem.isPresent()) {
                email.setErrorMessage(getTranslation(problem.get() == AccountAddresses.Problem.EMPTY ? "forgot.invalid"
                        : problem.get().key()));
                email.setInvalid(true);
                return;
            }
            email.setInvalid(false);
            lastRequest = resets.requestReset(email.getValue(), clientAddress());
            answer.setText(getTranslation("forgot.answer"));
            answer.setVisible(true);
            send.setEnabled(false);
        });
        var card = new Div(new H2(getTranslation("forgot.title")), new Paragraph(getTranslation("forgot.text")), email,
                send, answer, new RouterLink(getTranslation("forgot.back"), LoginView.class));
        card.addClassName("auth-card");
        add(card);
    }

    /**
     * Where the visitor's browser connects from, as the request that opened the page named it (through a
     * trusted proxy, its X-Forwarded-For): the same for every click, whatever carries it.
     */
    private static String clientAddress() {
        var session = VaadinSession.getCurrent();
        String address = session == null ? null : session.getBrowser().getAddress();
        return address == null ? "unknown" : address;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forgot.page-title");
    }
}
