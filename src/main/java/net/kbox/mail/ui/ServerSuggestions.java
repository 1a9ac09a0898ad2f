package net.kbox.mail.ui;

import com.vaadin.flow.component.HasValue;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import net.kbox.mail.settings.MailAuthentication;
import net.kbox.mail.settings.MailEncryption;
import org.jspecify.annotations.Nullable;

/**
 * What the form fills in for the administrator, who can still change it: 465 means SSL/TLS and 587
 * STARTTLS; choosing Microsoft 365 or Google Workspace offers their SMTP server (host, port, encryption)
 * where the host is empty. A server offered this way follows the next choice of method (one without a
 * server of its own takes the host back); a value the administrator gave (typed, or read as saved) stays.
 */
final class ServerSuggestions {

    private final MailSettingsFields fields;
    private final BooleanSupplier loading;
    /** The server inputs changed since the settings were read, other than by an offer: the administrator's. */
    private final Set<HasValue<?, ?>> given = new HashSet<>();
    private boolean offering;
    private boolean hostOffered;

    /** Follows the port and the login method of {@code fields}, except while the form is {@code loading}. */
    ServerSuggestions(MailSettingsFields fields, BooleanSupplier loading) {
        this.fields = fields;
        this.loading = loading;
        Stream.<HasValue<?, ?>>of(fields.host, fields.port, fields.encryption).forEach(input ->
                input.addValueChangeListener(e -> {
                    if (!loading.getAsBoolean() && !offering) {
                        given.add(input);
                    }
                }));
        fields.port.addValueChangeListener(e -> {
            boolean keepsEncryption = offering && given.contains(fields.encryption);
            if (!loading.getAsBoolean() && standard(e.getValue()) && !keepsEncryption) {
                fields.encryption.setValue(MailEncryption.suggestedFor(e.getValue()));
            }
        });
        fields.login.authentication.addValueChangeListener(e -> {
            if (!loading.getAsBoolean() && e.getValue() != null) {
                offer(e.getValue());
            }
        });
    }

    /** The settings were read: every value shown now is the administrator's. */
    void forget() {
        given.clear();
        hostOffered = false;
    }

    private void offer(MailAuthentication method) {
        boolean hostFree = fields.host.getValue().isBlank() || hostOffered && !given.contains(fields.host);
        if (!hostFree) {
            return;
        }
        offering = true;
        try {
            var host = method.suggestedHost();
            boolean takenBack = host.isEmpty() && !fields.host.getValue().isBlank();
            fields.host.setValue(host.orElse(""));
            given.remove(fields.host);
            if (takenBack) { // told as missing like any empty field: on Save or once the administrator edits it
                fields.host.setInvalid(false);
            }
            hostOffered = host.isPresent();
            if (host.isPresent() && !given.contains(fields.port)) {
                fields.port.setValue(method.suggestedPort());
            }
            method.suggestedEncryption().filter(encryption -> !given.contains(fields.encryption))
                    .ifPresent(fields.encryption::setValue);
        } finally {
            offering = false;
        }
    }

    private static boolean standard(@Nullable Integer port) {
        return port != null && (port == MailEncryption.IMPLICIT_TLS_PORT || port == MailEncryption.SUBMISSION_PORT);
    }
}
