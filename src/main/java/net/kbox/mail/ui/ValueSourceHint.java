package net.kbox.mail.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import net.kbox.mail.MailField;
import net.kbox.mail.settings.FieldState;

/** Under a field: where its value comes from, and the way back to the deployment value. */
class ValueSourceHint extends HorizontalLayout {

    private final Span text = new Span();
    private final Button useDeployment = new Button();

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
        text.setText(locked ? hint + " · " + getTranslation("mail.source.locked") : hint);
        useDeployment.setText(getTranslation(field == MailField.PASSWORD
                ? "mail.action.use-deployment-password" : "mail.action.use-deployment"));
        useDeployment.setVisible(state.overridesDeployment() && !locked);
    }

    String text() {
        return text.getText();
    }
}
