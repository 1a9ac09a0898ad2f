package net.kbox.mail.ui;

import java.util.function.BooleanSupplier;
import net.kbox.mail.settings.MailEncryption;

/**
 * What the form fills in for the administrator, who can still change it: 465 means SSL/TLS and 587
 * STARTTLS; choosing Microsoft 365 or Google Workspace offers their SMTP server where the host is empty.
 */
final class ServerSuggestions {

    private ServerSuggestions() {
    }

    /** Follows the port and the login method of {@code fields}, except while the form is {@code loading}. */
    static void follow(MailSettingsFields fields, BooleanSupplier loading) {
        fields.port.addValueChangeListener(e -> {
            if (!loading.getAsBoolean() && e.getValue() != null && (e.getValue() == MailEncryption.IMPLICIT_TLS_PORT
                    || e.getValue() == MailEncryption.SUBMISSION_PORT)) {
                fields.encryption.setValue(MailEncryption.suggestedFor(e.getValue()));
            }
        });
        fields.login.authentication.addValueChangeListener(e -> {
            if (loading.getAsBoolean() || e.getValue() == null || !fields.host.getValue().isBlank()) {
                return;
            }
            var method = e.getValue();
            method.suggestedHost().ifPresent(host -> {
                fields.host.setValue(host);
                fields.port.setValue(method.suggestedPort());
                method.suggestedEncryption().ifPresent(fields.encryption::setValue);
            });
        });
    }
}
