package net.kbox.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import net.kbox.mail.MailField;
import net.kbox.mail.settings.FieldState;

/**
 * Under a field: where its value comes from, and the way back to the deployment value. Once the
 * administrator changes the value, it says so until the form is saved or discarded: where the value came
 * from is no longer where it will come from.
 */
class ValueSourceHint extends HorizontalLayout {

    private final Span text = new Span();
    private final Button useDeployment = new Button();
    private String source = "";
    private boolean edited;

    ValueSourceHint(MailField field, Runnable onUseDeploymentValue) {
        setId(MailSettingsFields.idOf(field) + "-source");
        addClassName("value-source");
        setSpacing(false);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        text.addClassName("value-source-text");
        useDeployment.setId(MailSettingsFields.idOf(field) + "-use-deployment");
        useDeployment.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        useDeployment.addClickListener(e -> onUseDeploymentValue.run());
        add(text, useDeployment);
    }

    void show(MailField field, FieldState state, boolean locked) {
        String prefix = field == MailField.PASSWORD ? "mail.source.password."
                : field.isSecret() ? "mail.source.secret." : "mail.source.";
        String key = prefix + switch (state.source()) {
            case SAVED -> state.overridesDeployment() ? "saved-over-deployment" : "saved";
            case DEPLOYMENT -> "deployment";
            case DEFAULT -> "default";
            case NONE -> "none";
        };
        String hint = getTranslation(key, state.deploymentValue() == null ? "" : state.deploymentValue());
        source = locked ? hint + " · " + getTranslation("mail.source.locked") : hint;
        render();
        useDeployment.setText(getTranslation(field == MailField.PASSWORD
                ? "mail.action.use-deployment-password" : "mail.action.use-deployment"));
        useDeployment.setVisible(state.overridesDeployment() && !locked);
    }

    /** Says "changed, not saved yet" while {@code edited}, else where the value comes from. */
    void edited(boolean edited) {
        this.edited = edited;
        render();
    }

    private void render() {
        text.setText(edited ? getTranslation("mail.source.edited") : source);
    }

    String text() {
        return text.getText();
    }
}
